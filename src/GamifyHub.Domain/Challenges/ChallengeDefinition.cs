using GamifyHub.Domain.Scoring;

namespace GamifyHub.Domain.Challenges;

/// <summary>What a challenge measures. Stored by name, so never rename a member.</summary>
public enum ChallengeMetricKind { ActionCount, CategoryPoints, ReadRate, MedianFirstResponse, InsightsCreated, ItemsResolved }

/// <summary>Who takes part: one department's employees each on their own, departments against each other, or the whole
/// company towards one collective total. Stored by name.</summary>
public enum ChallengeScopeKind { Department, TeamVsTeam, Company }

/// <summary>draft → scheduled → active → completed, expired or cancelled. Stored by name.</summary>
public enum ChallengeStatus { Draft, Scheduled, Active, Completed, Expired, Cancelled }

public enum ChallengeRecurrence { None, Weekly }

/// <summary>The metric with its argument: the action type counted, or the category whose points are summed.</summary>
public sealed record ChallengeMetric(ChallengeMetricKind Kind, ActionType? Action = null, PointCategory? Category = null)
{
    /// <summary>Only the median first-response time is better when smaller.</summary>
    public bool LowerIsBetter => Kind == ChallengeMetricKind.MedianFirstResponse;
}

public sealed record ChallengeScope(ChallengeScopeKind Kind, IReadOnlyList<Guid> DepartmentIds)
{
    public bool Includes(Guid departmentId) => Kind == ChallengeScopeKind.Company || DepartmentIds.Contains(departmentId);
}

/// <summary>A valid challenge, as <see cref="ChallengeValidator"/> accepts it. Times are UTC.</summary>
public sealed record ChallengeDefinition(
    string Name,
    string Description,
    ChallengeMetric Metric,
    double Target,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    ChallengeScope Scope,
    int RewardPoints,
    string? RewardBadge,
    ChallengeRecurrence Recurrence);
