using GamifyHub.Data.Reading;
using GamifyHub.Domain.Analytics;
using GamifyHub.Grains.Live;
using Microsoft.Extensions.Options;

namespace GamifyHub.Grains.Analytics;

/// <summary>
/// A department's engagement (or the company's, keyed <see cref="Guid.Empty"/>): its figures per window, counted from the
/// <see cref="EngagementProjection"/> (the ledger of the log, shared by every department because an item is routed to several)
/// and kept until something they depend on moves; and its pushes, coalesced into at most one per <see cref="PushInterval"/>.
/// Nothing is stored: a restart or a deactivation loses a cache and a pending push, and the next read counts again.
/// </summary>
public sealed class DepartmentEngagementGrain(IEnumerable<IAnalyticsNotifier> notifiers, EngagementProjection projection,
    EngagementContexts contexts, SeasonBook seasons, IOptions<CompanyOptions> company, TimeProvider time) : Grain, IDepartmentEngagementGrain
{
    public static readonly TimeSpan PushInterval = TimeSpan.FromSeconds(1);
    private readonly Dictionary<AnalyticsWindow, Kept> _figures = [];
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

    public async Task<DepartmentMetrics?> Figures(AnalyticsWindow window)
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
        if (_figures.TryGetValue(window, out var kept) && kept.Version == version && kept.Context == stamp && kept.From == period.Start
            && kept.To == period.End && now < kept.ChangesAt)
        {
            return kept.Metrics;
        }

        var (metrics, changesAt) = await projection.CurrentAsync(id, departments, period.Start, period.End, now, context, zone);
        _figures[window] = new Kept(version, stamp, period.Start, period.End, changesAt, metrics);
        return metrics;
    }

    public Task<int> Pushes() => Task.FromResult(_pushes);

    private async Task Push(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        _lastPush = DateTimeOffset.UtcNow;
        _pushes++;
        // Counted here, not asked back by the host: a call into this grain from its own turn would wait for itself.
        var figures = await Figures(AnalyticsWindow.Rolling30);
        foreach (var notifier in notifiers)
        {
            await notifier.AnalyticsChanged(this.GetPrimaryKey(), figures);
        }
    }

    /// <summary>A window's figures and what they were counted under.</summary>
    private sealed record Kept(long Version, int Context, DateTimeOffset From, DateTimeOffset To, DateTimeOffset ChangesAt, DepartmentMetrics Metrics);
}
