namespace GamifyHub.Domain.Analytics;

/// <summary>
/// One department's engagement over one range of routing times, as of one instant. Rates are shares from 0 to 1 and
/// null where nothing is measurable (no item routed, no item replied to, …). Team figures only: nothing here is per
/// person. <see cref="Withheld"/> departments (fewer people than the minimum group size) carry no person-derived
/// figure at all (every rate null), only <see cref="RoutedItems"/>.
/// </summary>
/// <param name="RoutedItems">Items routed or forwarded to the department in the range (each once).</param>
/// <param name="ReadRate">Share of those that someone in the department read or acted on (the study's 27% / 37% measure).</param>
/// <param name="FirstResponse">Minutes from routing to the department's first reply.</param>
/// <param name="Resolution">Minutes from routing to resolution, of the items resolved.</param>
/// <param name="ResolvedRate">Share of routed items that are resolved.</param>
/// <param name="InsightRate">Share of routed items the department turned into a product insight.</param>
/// <param name="HandoffRate">Share of routed items the department handed off (forwarded) or shared with another department.</param>
/// <param name="SharedBothActedRate">Of the routed items shared with another department, the share that both acted on.</param>
/// <param name="SlaMetRate">Share of routed items whose SLA clocks have stopped (or fell due) that met them.</param>
/// <param name="ParticipationRate">Share of the department's people active in the range.</param>
public sealed record DepartmentMetrics(
    Guid DepartmentId,
    DateTimeOffset From,
    DateTimeOffset To,
    int RoutedItems,
    double? ReadRate,
    DurationFigures FirstResponse,
    DurationFigures Resolution,
    double? ResolvedRate,
    double? InsightRate,
    double? HandoffRate,
    double? SharedBothActedRate,
    double? SlaMetRate,
    double? ParticipationRate,
    IReadOnlyList<ChannelCoverage> Channels,
    ActionCounts Actions,
    bool Withheld);

/// <summary>Median and 90th percentile of a set of durations in minutes; null when the set is empty.</summary>
public sealed record DurationFigures(double? MedianMinutes, double? P90Minutes, int Count)
{
    public static readonly DurationFigures None = new(null, null, 0);
}

/// <summary>Engagement with the items from one channel group.</summary>
public sealed record ChannelCoverage(ChannelGroup Group, int Items, double? ReadRate);

/// <summary>
/// What the department's people did in the range (person actions only, automation and rewards excluded), and the
/// outcomes the return model values. Feeds the return on engagement.
/// </summary>
public sealed record ActionCounts(
    int Reads,
    int Replies,
    int Tags,
    int Forwards,
    int Insights,
    int Resolves,
    int ResolvedComplaints,
    int RepliesWithinSla)
{
    public static readonly ActionCounts None = new(0, 0, 0, 0, 0, 0, 0, 0);
}
