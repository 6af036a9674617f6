namespace GamifyHub.Domain.Feedback;

public enum Sentiment { Neutral = 0, Positive = 1, Negative = 2 }

public enum Priority { Normal = 0, Low = 1, High = 2 }

public enum FeedbackStatus { Open = 0, Resolved = 1 }
