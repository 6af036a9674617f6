using System.Diagnostics;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Analytics;
using GamifyHub.Grains.Live;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace GamifyHub.Grains.Analytics;

/// <summary>
/// A department's engagement (or the company's, keyed <see cref="Guid.Empty"/>): its figures per window and its daily snapshots
/// (trends), counted from the <see cref="EngagementProjection"/> (the ledger of the log, shared by every department because an
/// item is routed to several) and kept until something they depend on moves; and its pushes, coalesced into at most one per
/// <see cref="PushInterval"/>.
/// Nothing is stored: a restart or a deactivation loses a cache and a pending push, and the next read counts again.
/// </summary>
public sealed class DepartmentEngagementGrain(IEnumerable<IAnalyticsNotifier> notifiers, EngagementProjection projection,
    EngagementContexts contexts, SeasonBook seasons, IOptions<CompanyOptions> company, TimeProvider time) : Grain, IDepartmentEngagementGrain
{
    public static readonly TimeSpan PushInterval = TimeSpan.FromSeconds(1);

    /// <summary>While events arrive, figures are counted again at most this often (coalesced like the pushes): each applied batch
    /// would otherwise make every read count today again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);
    private readonly Dictionary<AnalyticsWindow, Kept> _figures = [];
    private KeptTrend? _trend;
    private IGrainTimer? _timer;
    private DateTimeOffset _lastPush = DateTimeOffset.MinValue;
    private int _pushes;

    public Task Changed()
    {
        if (_timer is null)
        {
            var wait = _lastPush + PushInterval - DateTimeOffset.UtcNow;
            _timer = this.RegisterGrainTimer(Push, wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public async Task<Immutable<DepartmentMetrics?>> Figures(AnalyticsWindow window) => new(await Count(window, agedAnswers: true));

    /// <param name="agedAnswers">Whether figures the ledger has moved past may answer while younger than <see cref="Freshness"/>
    /// (a read); a push carries what the log holds now.</param>
    private async Task<DepartmentMetrics?> Count(AnalyticsWindow window, bool agedAnswers)
    {
        var now = time.GetUtcNow();
        var zone = company.Value.Zone;
        if (AnalyticsPeriods.For(window, now, zone, seasons.Current) is not { } period)
        {
            return null;
        }

        var id = this.GetPrimaryKey();
        var departments = id == Guid.Empty ? contexts.Shown() : [id];
        var context = await contexts.ForAsync(departments);
        var stamp = EngagementContexts.Stamp(context);
        // Read before counting: a batch applied meanwhile leaves the figures under the older version, counted again next time.
        var version = projection.Version;
        if (_figures.TryGetValue(window, out var kept) && (kept.Version == version || (agedAnswers && Young(kept.CountedAt)))
            && kept.Context == stamp && kept.From == period.Start && kept.To == period.End && now < kept.ChangesAt)
        {
            return kept.Metrics;
        }

        var (metrics, changesAt) = await projection.CurrentAsync(id, departments, period.Start, period.End, now, context, zone);
        _figures[window] = new Kept(version, Stopwatch.GetTimestamp(), stamp, period.Start, period.End, changesAt, metrics);
        return metrics;
    }

    public async Task<DailySnapshots> Snapshots(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var now = time.GetUtcNow();
        var zone = company.Value.Zone;
        var today = AnalyticsPeriods.LocalDay(now, zone);
        var first = today.AddDays(1 - days);
        var id = this.GetPrimaryKey();
        var context = await contexts.ForAsync([id]);
        var stamp = EngagementContexts.Stamp(context);
        var version = projection.Version;
        if (_trend is { } kept && (kept.Version == version || Young(kept.CountedAt)) && kept.Context == stamp && kept.First == first
            && kept.Days.Days.Count == days && now < kept.ChangesAt)
        {
            return kept.Days;
        }

        var (snapshots, changesAt) = await projection.SnapshotsAsync(id, new HashSet<Guid> { id }, first, today, now, zone, context, stamp);
        var result = new DailySnapshots(first, snapshots);
        _trend = new KeptTrend(version, Stopwatch.GetTimestamp(), stamp, first, changesAt, result);
        return result;
    }

    public Task<int> Pushes() => Task.FromResult(_pushes);

    /// <summary>Counted less than <see cref="Freshness"/> ago, by the process's clock (the company's clock may stand still in tests).</summary>
    private static bool Young(long countedAt) => Stopwatch.GetElapsedTime(countedAt) < Freshness;

    private async Task Push(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        _lastPush = DateTimeOffset.UtcNow;
        _pushes++;
        // Counted here, not asked back by the host: a call into this grain from its own turn would wait for itself.
        var figures = await Count(AnalyticsWindow.Rolling30, agedAnswers: false);
        foreach (var notifier in notifiers)
        {
            await notifier.AnalyticsChanged(this.GetPrimaryKey(), figures);
        }
    }

    /// <summary>A window's figures and what they were counted under.</summary>
    private sealed record Kept(long Version, long CountedAt, int Context, DateTimeOffset From, DateTimeOffset To, DateTimeOffset ChangesAt, DepartmentMetrics Metrics);

    /// <summary>The last trend's snapshots (one length kept: the page asks for one) and what they were counted under.</summary>
    private sealed record KeptTrend(long Version, long CountedAt, int Context, DateOnly First, DateTimeOffset ChangesAt, DailySnapshots Days);
}
