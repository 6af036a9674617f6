using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;

namespace GamifyHub.Data.Writing;

/// <summary>An engagement event with the award lines the rules gave it (actor, shared credit, clawbacks; 0-point lines
/// included), the anti-gaming flags it raised, and the item change it causes. <see cref="RulesVersion"/> is the rule set
/// version that decided the awards: the writer refuses the record if another version came into force since (null: the
/// awards were not decided by the rules in force, e.g. seeded history).</summary>
public sealed record EngagementRecord(
    Guid EventId,
    Guid EmployeeId,
    Guid DepartmentId,
    ActionType Type,
    Guid? FeedbackId,
    DateTime OccurredAt,
    string Source,
    IReadOnlyList<AwardLine> Awards,
    Guid? TargetDepartmentId = null,
    string? Text = null,
    string? Url = null,
    FeedbackStatus? NewStatus = null,
    int? DwellSeconds = null,
    IReadOnlyList<string>? Flags = null,
    int? RulesVersion = null)
{
    /// <summary>Points of the lines addressed to the actor (not shared credit passed on to others).</summary>
    public int ActorPoints
    {
        get
        {
            var total = 0;
            foreach (var line in Awards)
            {
                if (line.EmployeeId == EmployeeId)
                {
                    total += line.Points;
                }
            }

            return total;
        }
    }
}

/// <summary>What happened to a record: stored now, or already stored earlier (same event id).</summary>
/// <param name="Points">Points the event earned the actor; for a duplicate, what it earned when first stored.</param>
public sealed record RecordOutcome(Guid EventId, bool Duplicate, long Seq, int Points);

/// <summary>A committed event, as projections (totals, boards, notifications) need it.</summary>
public sealed record CommittedEvent(long Seq, EngagementRecord Record);

/// <summary>A committed routing: an item stored at intake (with <see cref="Item"/>) or forwarded to another department.</summary>
public sealed record CommittedRouting(Guid FeedbackId, Guid DepartmentId, DateTime RoutedAt, bool ViaForward, CommittedItem? Item);

/// <summary>What projections need of a newly stored item.</summary>
public sealed record CommittedItem(Guid Id, string Channel, Domain.Feedback.Priority Priority, Domain.Feedback.Sentiment Sentiment,
    DateTime ReceivedAt);
