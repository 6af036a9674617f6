namespace GamifyHub.Domain.Scoring;

/// <summary>Point categories. Stored by name, so never rename a member.</summary>
public enum PointCategory { Listening, Responding, Insight, Collaboration }
