namespace GamifyHub.Server.Challenges;

/// <summary>A new challenge. <c>metric</c>: action-count (with <c>action</c>), category-points (with <c>category</c>), read-rate,
/// median-first-response (target in minutes, lower is better), insights-created or items-resolved. <c>scope</c>: department
/// (one id in <c>departmentIds</c>), team-vs-team (two or more) or company (none). <c>schedule</c>: schedule at once instead of
/// keeping it a draft.</summary>
public sealed record ChallengeIn(string? Name, string? Description, string? Metric, string? Action, string? Category, double? Target,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Scope, IReadOnlyList<Guid>? DepartmentIds, int? RewardPoints,
    string? RewardBadge, string? Recurrence, bool? Schedule);

public sealed record ChallengeDepartmentDto(Guid Id, string Name);

/// <summary>A participant: an employee, or a department in team-vs-team. <c>value</c> is null while nothing is measurable, and
/// for a department below the minimum group size (rank 0). An employee appears as the boards show them: by name, or under
/// their pseudonym (<c>id</c> is then the pseudonym's id, never the employee's); <c>isYou</c> marks the reader's own row.</summary>
public sealed record ChallengeUnitDto(int Rank, Guid Id, string Name, double? Value, bool Reached, bool IsYou = false);

/// <summary>A challenge with the progress of its current (or last) occurrence, as the reader may see it (the boards' privacy
/// rules apply). <c>mine</c> is the signed-in user's own value (their own in department scope, their department's in
/// team-vs-team, the collective total in company scope); <c>canManage</c> says whether they may schedule or cancel it.
/// <c>total</c>, <c>totalReached</c> and <c>rewardedCount</c> are null/false when a department of the challenge is below the
/// minimum group size (its figure could otherwise be derived from them). <c>rewardedMe</c>: the reader earned the reward in
/// this occurrence. <c>winners</c>: the winning departments of a team-vs-team occurrence, except those below the minimum group
/// size. No list of the people rewarded is ever given out.</summary>
public sealed record ChallengeDto(Guid Id, string Name, string Description, string Metric, string? Action, string? Category,
    double Target, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Scope, IReadOnlyList<ChallengeDepartmentDto> Departments,
    int RewardPoints, string? RewardBadge, string Recurrence, string Status, int Occurrence, double? Total, bool TotalReached,
    IReadOnlyList<ChallengeUnitDto> Units, int? RewardedCount, bool RewardedMe, IReadOnlyList<Guid> Winners, long Version,
    double? Mine, bool CanManage);

/// <summary>A badge earned in a challenge (the reward event's badge) and when.</summary>
public sealed record ChallengeBadgeDto(string Badge, DateTime EarnedAt);
