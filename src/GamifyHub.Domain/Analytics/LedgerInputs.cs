using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using GamifyHub.Domain.Sla;

namespace GamifyHub.Domain.Analytics;

/// <summary>A feedback item as the engagement ledger needs it: where it came from and what its SLA targets are.</summary>
public sealed record LedgerItem(Guid Id, string Channel, Priority Priority, Sentiment Sentiment, DateTimeOffset ReceivedAt);

/// <summary>An item routed to a department by the routing rules at intake, or by a forward (<paramref name="ViaForward"/>).</summary>
public sealed record LedgerRouting(Guid ItemId, Guid DepartmentId, DateTimeOffset RoutedAt, bool ViaForward);

/// <summary>
/// One event of the log as the ledger needs it. <paramref name="DepartmentId"/> is the actor's department when it happened;
/// <paramref name="TargetDepartmentId"/> where a forward sent the item.
/// </summary>
public sealed record LedgerEvent(
    Guid EventId,
    Guid ActorId,
    Guid DepartmentId,
    ActionType Type,
    string Source,
    DateTimeOffset At,
    Guid? ItemId,
    Guid? TargetDepartmentId = null);

/// <summary>
/// What a figure needs besides the log: who belongs to the departments now (participation, and the minimum group size)
/// and the SLA targets.
/// </summary>
/// <param name="Members">The current people of the department(s) measured.</param>
/// <param name="MinimumGroupSize">Below this many people the figures are withheld.</param>
public sealed record LedgerContext(IReadOnlySet<Guid> Members, int MinimumGroupSize, SlaPolicy Sla);
