using GamifyHub.Domain.Analytics;
using Orleans.Concurrency;

namespace GamifyHub.Grains;

/// <summary>
/// One department's live engagement figures (keyed by the department's id; <see cref="Guid.Empty"/> is the company: every
/// department not withheld, as one). Told when the log changed something of the department, it pushes to its watchers at
/// most about once a second however many events arrive (coalesced like boards); asked, it answers a window's figures as the
/// log stands, counting them again only when the people, the SLA targets or the period changed, a running SLA clock fell
/// due, or the log moved — then at most once a second while events keep arriving (a push always carries a fresh count).
/// </summary>
[Alias("gh.IDepartmentEngagementGrain")]
public interface IDepartmentEngagementGrain : IGrainWithGuidKey
{
    /// <summary>Something of the department changed (committed events or routings); a push follows within about a second.</summary>
    [Alias("Changed")]
    [Orleans.Concurrency.OneWay]
    Task Changed();

    /// <summary>The figures of <paramref name="window"/> as of now; null when the window has no period now (no season running).
    /// Never copied on the way (the figures are immutable): the grain hands out the instance it keeps, so a caller can keep what
    /// it made of them for as long as the same instance comes back.</summary>
    [Alias("Figures")]
    Task<Immutable<DepartmentMetrics?>> Figures(AnalyticsWindow window);

    /// <summary>The department's daily snapshots of the last <paramref name="days"/> days up to today (rolling 30 days as of each
    /// day's end; today's as of now), with the first day's date.</summary>
    [Alias("Snapshots")]
    Task<DailySnapshots> Snapshots(int days);

    /// <summary>Pushes done since activation (tests and diagnostics).</summary>
    [Alias("Pushes")]
    Task<int> Pushes();
}

/// <summary>Daily snapshots from <paramref name="First"/> on, one per day. Immutable: never copied between grains and callers in
/// one process (90 days of figures each read).</summary>
[GenerateSerializer, Immutable, Alias("gh.DailySnapshots.v1")]
public sealed record DailySnapshots([property: Id(0)] DateOnly First, [property: Id(1)] IReadOnlyList<DepartmentMetrics> Days);
