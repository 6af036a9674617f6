using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Data.Writing;

/// <summary>An engagement event with the awards the rules gave it and the item change it causes.</summary>
public sealed record EngagementRecord(
    Guid EventId,
    Guid EmployeeId,
    Guid DepartmentId,
    ActionType Type,
    Guid? FeedbackId,
    DateTime OccurredAt,
    string Source,
    IReadOnlyList<Award> Awards,
    Guid? TargetDepartmentId = null,
    string? Text = null,
    string? Url = null,
    FeedbackStatus? NewStatus = null);

/// <summary>What happened to a record: stored now, or already stored earlier (same event id).</summary>
/// <param name="Points">Points the event earned; for a duplicate, what it earned when first stored.</param>
public sealed record RecordOutcome(Guid EventId, bool Duplicate, long Seq, int Points);

/// <summary>A committed event, as projections (totals, boards, notifications) need it.</summary>
public sealed record CommittedEvent(long Seq, EngagementRecord Record);
