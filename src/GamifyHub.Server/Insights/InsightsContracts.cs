namespace GamifyHub.Server.Insights;

// Wire shapes of the insights board.

/// <param name="Window">The window asked for: 7d, 30d, 90d or all.</param>
/// <param name="Since">Insights linked from this moment on count; null for all time.</param>
/// <param name="BacklogItems">How many backlog items had links in the window (the list may be cut at <c>top</c>).</param>
public sealed record InsightsBoard(string Window, DateTime? Since, int BacklogItems, int LinkedFeedback,
    IReadOnlyList<BacklogItemDto> Items);

/// <param name="Key">Stable within one answer: the normalized URL, or the normalized title where no URL was given.</param>
/// <param name="FeedbackCount">Distinct feedback items linked to it.</param>
/// <param name="LinkCount">Insight actions that linked to it (one item may be linked by several people).</param>
/// <param name="Departments">The departments the linked items are routed to, with how many of them each.</param>
/// <param name="LinkedBy">The departments of the people who made the links, with how many links each; they add up to
/// <c>LinkCount</c>. Departments below the minimum group size are not listed and their links are in no figure.</param>
/// <param name="Feedback">The newest linked items the caller may read (routed to their department).</param>
/// <param name="OtherFeedback">Linked items counted above but routed only to other departments, so not listed.</param>
public sealed record BacklogItemDto(string Key, string Title, string? Url, int FeedbackCount, int LinkCount, SentimentMix Sentiment,
    IReadOnlyList<DepartmentCount> Departments, IReadOnlyList<DepartmentCount> LinkedBy, DateTime FirstLinkedAt,
    DateTime LastLinkedAt, IReadOnlyList<LinkedFeedback> Feedback, int OtherFeedback);

public sealed record SentimentMix(int Positive, int Neutral, int Negative);

public sealed record DepartmentCount(Guid Id, string Name, int Count);

public sealed record LinkedFeedback(Guid Id, string Channel, string Excerpt, string Language, string Sentiment, string Status,
    DateTime ReceivedAt);
