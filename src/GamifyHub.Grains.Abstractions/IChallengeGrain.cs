using GamifyHub.Domain.Scoring;

namespace GamifyHub.Grains;

/// <summary>One challenge: owns its lifecycle (driven by a durable reminder), computes its progress from the events it is
/// fed, grants rewards and pushes its board.</summary>
[Alias("gh.IChallengeGrain")]
public interface IChallengeGrain : IGrainWithGuidKey
{
    /// <summary>The challenge, or null when none was created under this id.</summary>
    [Alias("Get")]
    Task<ChallengeView?> Get();

    /// <summary>Creates the challenge as a draft, or scheduled at once when <paramref name="schedule"/> is set. The spec must
    /// be valid (the API checks it first); an invalid one throws and stores nothing.</summary>
    [Alias("Create")]
    Task<ChallengeChange> Create(ChallengeSpec spec, string createdBy, bool schedule);

    /// <summary><paramref name="actor"/> is who asked, for the audit log.</summary>
    [Alias("Schedule")]
    Task<ChallengeChange> Schedule(string actor);

    [Alias("Cancel")]
    Task<ChallengeChange> Cancel(string actor);

    /// <summary>Committed events, in commit order (each at most once per sequence number).</summary>
    [Alias("ApplyEvents")]
    Task ApplyEvents(IReadOnlyList<ChallengeEventView> events);

    /// <summary>The board of the current occurrence: employees, or departments in team-vs-team.</summary>
    [Alias("GetBoard")]
    Task<BoardSnapshot> GetBoard(int top, Guid? member);
}

/// <summary>Knows which challenges are running (scheduled or active) and hands committed events to them.</summary>
[Alias("gh.IChallengeRegistryGrain")]
public interface IChallengeRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Track")]
    Task Track(Guid challengeId, bool live);

    [Alias("Deliver")]
    Task Deliver(IReadOnlyList<ChallengeEventView> events);
}

/// <summary>A challenge as a client sends it (unparsed wire names; see <c>ChallengeNames</c>).</summary>
[GenerateSerializer, Immutable, Alias("gh.ChallengeSpec.v1")]
public sealed record ChallengeSpec(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Metric,
    [property: Id(3)] string? Action,
    [property: Id(4)] string? Category,
    [property: Id(5)] double? Target,
    [property: Id(6)] DateTimeOffset? StartsAt,
    [property: Id(7)] DateTimeOffset? EndsAt,
    [property: Id(8)] string? Scope,
    [property: Id(9)] IReadOnlyList<Guid>? DepartmentIds,
    [property: Id(10)] int? RewardPoints,
    [property: Id(11)] string? RewardBadge,
    [property: Id(12)] string? Recurrence);

/// <summary>The answer to a lifecycle command: the challenge after it, or why the command does not apply now.</summary>
[GenerateSerializer, Immutable, Alias("gh.ChallengeChange.v1")]
public sealed record ChallengeChange(
    [property: Id(0)] ChallengeView? View,
    [property: Id(1)] string? Conflict);

[GenerateSerializer, Immutable, Alias("gh.ChallengeUnitView.v1")]
public sealed record ChallengeUnitView(
    [property: Id(0)] int Rank,
    [property: Id(1)] Guid Id,
    [property: Id(2)] double? Value,
    [property: Id(3)] bool Reached);

/// <summary>A challenge with the progress of its current (or last) occurrence. <see cref="Units"/> are employees, or departments
/// in team-vs-team, best first (the first 50); <see cref="Total"/> is the whole scope's value (the goal in company scope).</summary>
[GenerateSerializer, Immutable, Alias("gh.ChallengeView.v1")]
public sealed record ChallengeView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] string Metric,
    [property: Id(4)] string? Action,
    [property: Id(5)] string? Category,
    [property: Id(6)] double Target,
    [property: Id(7)] DateTimeOffset StartsAt,
    [property: Id(8)] DateTimeOffset EndsAt,
    [property: Id(9)] string Scope,
    [property: Id(10)] IReadOnlyList<Guid> DepartmentIds,
    [property: Id(11)] int RewardPoints,
    [property: Id(12)] string? RewardBadge,
    [property: Id(13)] string Recurrence,
    [property: Id(14)] string Status,
    [property: Id(15)] int Occurrence,
    [property: Id(16)] double? Total,
    [property: Id(17)] bool TotalReached,
    [property: Id(18)] IReadOnlyList<ChallengeUnitView> Units,
    [property: Id(19)] IReadOnlyList<Guid> Rewarded,
    [property: Id(20)] IReadOnlyList<Guid> Winners,
    [property: Id(21)] string CreatedBy,
    [property: Id(22)] long Version);

[GenerateSerializer, Immutable, Alias("gh.ChallengePointsView.v1")]
public sealed record ChallengePointsView(
    [property: Id(0)] Guid EmployeeId,
    [property: Id(1)] Guid DepartmentId,
    [property: Id(2)] PointCategory Category,
    [property: Id(3)] int Points);

/// <summary>A committed event as challenges need it.</summary>
[GenerateSerializer, Immutable, Alias("gh.ChallengeEventView.v1")]
public sealed record ChallengeEventView(
    [property: Id(0)] long Seq,
    [property: Id(1)] Guid EmployeeId,
    [property: Id(2)] Guid DepartmentId,
    [property: Id(3)] ActionType Type,
    [property: Id(4)] Guid? FeedbackId,
    [property: Id(5)] DateTime OccurredAt,
    [property: Id(6)] string Source,
    [property: Id(7)] IReadOnlyList<ChallengePointsView> Points);

/// <summary>A challenge reward for one employee, recorded as a reward event under <see cref="EventId"/> (deterministic, so
/// recording it again is a no-op).</summary>
[GenerateSerializer, Immutable, Alias("gh.ChallengeReward.v1")]
public sealed record ChallengeReward(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] Guid ChallengeId,
    [property: Id(2)] string ChallengeName,
    [property: Id(3)] int Points,
    [property: Id(4)] PointCategory Category,
    [property: Id(5)] string? Badge,
    [property: Id(6)] DateTime OccurredAt);
