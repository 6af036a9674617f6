using System.Threading.Channels;
using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Analytics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GamifyHub.Grains.Analytics;

/// <summary>
/// The engagement ledger of every department, built from the log at start-up in one pass
/// (<see cref="EngagementLedgerLoader"/>) and kept current from the commit path: committed events and routings are queued
/// (the writer only enqueues), applied in batches a tenth of a second apart, and each department they touch is told
/// (<see cref="IDepartmentEngagementGrain.Changed"/>), which pushes its figures coalesced. Nothing is stored: after a restart,
/// an erasure or a retention run (<see cref="Reset"/>) the ledger is read from the log again. Current figures come from the
/// ledger's daily tallies; completed days' snapshots are cached until an event or routing at or before that day's end arrives.
/// </summary>
public sealed partial class EngagementProjection(DatabaseLocation database, IGrainFactory grains, ILogger<EngagementProjection> logger)
    : BackgroundService, ICommittedEventsObserver
{
    private static readonly TimeSpan CoalesceFor = TimeSpan.FromMilliseconds(100);
    private readonly Channel<object> _committed = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid Department, DateOnly Day), (DateTimeOffset AsOf, int Context, DepartmentMetrics Metrics)> _snapshots = [];
    private Task<EngagementLedger>? _ledger;
    private int _backlog;
    private long _version;

    public int Backlog => Volatile.Read(ref _backlog);

    /// <summary>Moves on whenever the ledger changes (a batch applied, a reset): a figure read before is current while it stays.
    /// Read it before reading the figure.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void OnCommitted(IReadOnlyList<CommittedEvent> events)
    {
        if (_committed.Writer.TryWrite(events))
        {
            Interlocked.Add(ref _backlog, events.Count);
        }
    }

    public void OnRoutingsCommitted(IReadOnlyList<CommittedRouting> routings) => _committed.Writer.TryWrite(routings);

    /// <summary>Runs <paramref name="read"/> on the current ledger (loading it first if needed), alone.</summary>
    public async Task<T> ReadAsync<T>(Func<EngagementLedger, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var ledger = await Ledger();
        lock (_gate)
        {
            return read(ledger);
        }
    }

    /// <summary>
    /// The figures of <paramref name="departments"/> for routing times in [<paramref name="from"/>, <paramref name="to"/>) as the log
    /// stands at <paramref name="now"/>, from the ledger's daily tallies (<see cref="EngagementLedger.Current"/>): only the days
    /// something arrived on since the last read are counted again. ChangesAt: until when they hold while the ledger does.
    /// </summary>
    public async Task<(DepartmentMetrics Metrics, DateTimeOffset ChangesAt)> CurrentAsync(Guid label, IReadOnlySet<Guid> departments,
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, LedgerContext context, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var ledger = await Ledger();
        lock (_gate)
        {
            var metrics = ledger.Current(label, departments, from, to, now, context, zone, out var changesAt);
            return (metrics, changesAt);
        }
    }

    /// <summary>
    /// The daily snapshots of a department from <paramref name="first"/> to <paramref name="last"/>: rolling 30 days as of the end
    /// of each day; today's is the rolling 30 days as they stand at <paramref name="now"/>. Completed days are kept until something
    /// at or before their end arrives, or the context changes. The kept ones are read under one hold of the lock; each missing
    /// one is counted under a hold of its own, so other readers get in between. ChangesAt: until when they hold while the ledger
    /// does (today's running SLA clocks).
    /// </summary>
    public async Task<(IReadOnlyList<DepartmentMetrics> Snapshots, DateTimeOffset ChangesAt)> SnapshotsAsync(Guid departmentId, IReadOnlySet<Guid> departments, DateOnly first,
        DateOnly last, DateTimeOffset now, TimeZoneInfo zone, LedgerContext context, int contextStamp)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(zone);
        var ledger = await Ledger();
        var today = AnalyticsPeriods.LocalDay(now, zone);
        var days = last.DayNumber - first.DayNumber + 1;
        var result = new DepartmentMetrics?[Math.Max(days, 0)];
        var missing = new List<int>();
        var changesAt = DateTimeOffset.MaxValue;
        lock (_gate)
        {
            for (var i = 0; i < result.Length; i++)
            {
                var day = first.AddDays(i);
                if (day >= today)
                {
                    var period = AnalyticsPeriods.Rolling30(day, zone);
                    result[i] = ledger.Current(departmentId, departments, period.Start, period.End, now, context, zone, out var until);
                    changesAt = until < changesAt ? until : changesAt;
                }
                else if (_snapshots.TryGetValue((departmentId, day), out var cached) && cached.Context == contextStamp)
                {
                    result[i] = cached.Metrics;
                }
                else
                {
                    missing.Add(i);
                }
            }
        }

        foreach (var i in missing)
        {
            var day = first.AddDays(i);
            var period = AnalyticsPeriods.Rolling30(day, zone);
            var asOf = AnalyticsPeriods.SnapshotAsOf(day, zone);
            lock (_gate)
            {
                // Another reader (the warm-up, a second watcher) may have counted it meanwhile.
                if (_snapshots.TryGetValue((departmentId, day), out var cached) && cached.Context == contextStamp)
                {
                    result[i] = cached.Metrics;
                    continue;
                }

                var metrics = ledger.Metrics(departmentId, departments, period.Start, period.End, asOf, context);
                _snapshots[(departmentId, day)] = (asOf, contextStamp, metrics);
                result[i] = metrics;
            }
        }

        return (Array.ConvertAll(result, m => m!), changesAt);
    }

    /// <summary>Forgets the ledger after the log was rewritten in place (erasure, retention): the next read loads it again.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _ledger = null;
            _snapshots.Clear();
            Interlocked.Increment(ref _version);
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _committed.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Start-up: every department's figures are ready before the first request asks.
            await Ledger();
        }
        catch (Exception ex)
        {
            LogLoadFailed(ex);
        }

        var batch = new List<object>();
        while (await _committed.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(CoalesceFor, CancellationToken.None);
            }

            var events = 0;
            while (batch.Count < 1_000 && _committed.Reader.TryRead(out var item))
            {
                batch.Add(item);
                events += item is IReadOnlyList<CommittedEvent> e ? e.Count : 0;
            }

            try
            {
                var touched = await Apply(batch);
                await Task.WhenAll(touched.Select(d => grains.GetGrain<IDepartmentEngagementGrain>(d).Changed()));
            }
            catch (Exception ex)
            {
                // The ledger is rebuilt from the log on the next restart or reset; keep feeding the rest.
                LogApplyFailed(ex, batch.Count);
            }
            finally
            {
                Interlocked.Add(ref _backlog, -events);
                batch.Clear();
            }
        }
    }

    private async Task<HashSet<Guid>> Apply(List<object> batch)
    {
        var touched = new HashSet<Guid>();
        var ledger = await Ledger();
        lock (_gate)
        {
            // Before any change: a figure read under an older version is counted again, even if this batch fails halfway.
            Interlocked.Increment(ref _version);
            var earliest = DateTimeOffset.MaxValue;
            foreach (var item in batch)
            {
                if (item is IReadOnlyList<CommittedRouting> routings)
                {
                    foreach (var r in routings)
                    {
                        if (r.Item is { } i)
                        {
                            ledger.Add(new LedgerItem(i.Id, i.Channel, i.Priority, i.Sentiment, Utc(i.ReceivedAt)));
                        }

                        var at = Utc(r.RoutedAt);
                        ledger.Add(new LedgerRouting(r.FeedbackId, r.DepartmentId, at, r.ViaForward));
                        touched.Add(r.DepartmentId);
                        earliest = at < earliest ? at : earliest;
                    }
                }
                else if (item is IReadOnlyList<CommittedEvent> events)
                {
                    foreach (var e in events)
                    {
                        var r = e.Record;
                        var at = Utc(r.OccurredAt);
                        if (!ledger.Add(new LedgerEvent(r.EventId, r.EmployeeId, r.DepartmentId, r.Type, r.Source, at, r.FeedbackId,
                                r.TargetDepartmentId)))
                        {
                            continue;
                        }

                        touched.Add(r.DepartmentId);
                        if (r.FeedbackId is { } feedback)
                        {
                            touched.UnionWith(ledger.RoutedTo(feedback));
                        }

                        earliest = at < earliest ? at : earliest;
                    }
                }
            }

            // A day's snapshot changes only when something at or before its end arrives (imports, late events).
            foreach (var key in _snapshots.Where(s => s.Value.AsOf >= earliest).Select(s => s.Key).ToList())
            {
                _snapshots.Remove(key);
            }
        }

        return touched;
    }

    /// <summary>
    /// Completes once the ledger is loaded from the log (starting the load if nobody has). Readers await it before asking a
    /// department's grain: a grain turn waiting for the load of a large log on a busy machine outlasted its call's time-out.
    /// </summary>
    public Task LoadedAsync(CancellationToken cancellationToken = default) => Ledger().WaitAsync(cancellationToken);

    private Task<EngagementLedger> Ledger()
    {
        // Without the lock when loaded: a reader must not queue behind another's counting just to find the ledger.
        if (Volatile.Read(ref _ledger) is { IsFaulted: false } loaded)
        {
            return loaded;
        }

        lock (_gate)
        {
            if (_ledger is null || _ledger.IsFaulted)
            {
                _ledger = EngagementLedgerLoader.LoadAsync(SqliteDatabase.ConnectionString(database.Path));
            }

            return _ledger;
        }
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the engagement ledger from the log failed")]
    private partial void LogLoadFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying {Count} committed batches to the engagement ledger failed")]
    private partial void LogApplyFailed(Exception ex, int count);
}
