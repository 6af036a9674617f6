namespace GamifyHub.Domain.Scoring;

/// <summary>Points for one action type, in one category.</summary>
public sealed record ScoringRule(string Id, ActionType Action, PointCategory Category, int Points, string Reason);
