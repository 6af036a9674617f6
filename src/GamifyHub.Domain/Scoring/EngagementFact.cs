using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Scoring;

/// <summary>
/// Everything scoring needs to know about one engagement event, gathered before it is scored: the event itself and,
/// when it is about a feedback item, that item as it was just before the event (see <see cref="FeedbackItemState.FactsFor"/>).
/// </summary>
/// <param name="Source">Where the event came from ("web", "api", …); <see cref="EngagementSources.Automation"/> earns nothing.</param>
/// <param name="DwellSeconds">How long a read was on screen, when the client knows it.</param>
/// <param name="Item">Null for an external event that names no item.</param>
public sealed record EngagementFact(
    Guid EventId,
    Guid EmployeeId,
    Guid DepartmentId,
    ActionType Action,
    DateTimeOffset OccurredAt,
    string Source,
    int? DwellSeconds,
    ItemFacts? Item);

/// <summary>A feedback item as one event sees it: profile, routing and history up to (not including) the event.</summary>
/// <param name="RoutedDepartments">Departments the item is routed to; for a forward, including its target.</param>
/// <param name="IsFirstReply">For a reply: no one replied to the item before.</param>
/// <param name="Answered">Someone (anyone, any source) replied to the item before this event: the customer got an answer.</param>
/// <param name="HandOffChain">Who forwarded the item, in order, with their department at the time (repeats possible).</param>
/// <param name="ClawBack">For a reopen: the award lines of the resolve being undone; otherwise empty.</param>
public sealed record ItemFacts(
    Guid ItemId,
    string Channel,
    Sentiment Sentiment,
    Priority Priority,
    string Language,
    IReadOnlyList<Guid> RoutedDepartments,
    DateTimeOffset ReceivedAt,
    bool IsFirstReply,
    bool Answered,
    IReadOnlyList<ChainMember> HandOffChain,
    IReadOnlyList<AwardLine> ClawBack);

/// <summary>One forward of an item: who forwarded it, from which department.</summary>
public readonly record struct ChainMember(Guid EmployeeId, Guid DepartmentId);

public static class EngagementSources
{
    /// <summary>Events made by tools on someone's behalf (auto-read, auto-tag, …). They are recorded but never earn.</summary>
    public const string Automation = "automation";

    /// <summary>A challenge's reward event: it carries points and XP but is nobody's action (no counters, streaks or caps).</summary>
    public const string Challenge = "challenge";

    public static bool IsAutomation(string? source) => string.Equals(source, Automation, StringComparison.Ordinal);

    /// <summary>Whether the event is something a person did (neither automation nor a challenge reward).</summary>
    public static bool IsPersonAction(string? source) => !IsAutomation(source) && !string.Equals(source, Challenge, StringComparison.Ordinal);
}
