namespace GamifyHub.Domain.Scoring;

/// <summary>Points in one category, with the rule and reason that produced them.</summary>
public sealed record Award(int Points, PointCategory Category, string RuleId, int RuleVersion, string Reason);
