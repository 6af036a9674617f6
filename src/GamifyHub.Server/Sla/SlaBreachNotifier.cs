using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Sla;
using GamifyHub.Grains.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Sla;

public sealed class SlaOptions
{
    /// <summary>Whether breaches are looked for and announced at all.</summary>
    public bool NotifierEnabled { get; set; } = true;

    /// <summary>How often open items are checked for new breaches.</summary>
    public int ScanSeconds { get; set; } = 60;

    /// <summary>
    /// Breaches older than this when first seen (after downtime, or the demo company's seeded history) are recorded
    /// without a push: a pile of stale alarms helps no one.
    /// </summary>
    public int AnnounceWithinHours { get; set; } = 24;
}

/// <summary>What one scan did: whether it read every open item (the first scan, or the SLA targets changed), how many items
/// it looked at and how many breaches it announced.</summary>
public sealed record SlaScan(bool Full, int Checked, int Announced);

/// <summary>
/// Looks for SLA clocks that went past due and tells the employees of every department the item is routed to — the
/// team that can act on it, never one person singled out. Each breach of each clock of an item is announced once: the
/// notice row (keyed by item and clock) is committed before anyone is told, so a restart never repeats one (a crash in
/// between loses that push rather than sending it twice).
/// The first scan reads every open item and remembers when each can next go past due; later scans read only the items
/// falling due and those touched since (<see cref="SlaTouchedItems"/>): reading 100,000 open items every minute took a core
/// for seconds.
/// </summary>
public sealed partial class SlaBreachNotifier(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer, SlaBook book,
    SlaTouchedItems touched, ILiveNotifier notifier, TimeProvider time, IOptions<SlaOptions> options, ILogger<SlaBreachNotifier> logger)
    : BackgroundService
{
    /// <summary>Items checked per query: bounds memory and the time one read holds the database.</summary>
    private const int Chunk = 500;

    private static readonly SlaClockKind[] Clocks = [SlaClockKind.FirstResponse, SlaClockKind.Resolution];

    private readonly SemaphoreSlim _scanning = new(1, 1);
    private readonly SlaWatchList _watch = new();

    /// <summary>The targets the watch list was built under; null until the first (full) scan.</summary>
    private SlaPolicy? _watchedUnder;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.NotifierEnabled)
        {
            return;
        }

        // The first, full scan right away (off the host's start-up), so it is done before the server is busy.
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.ScanSeconds)), time);
        try
        {
            do
            {
                try
                {
                    await ScanAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed scan is retried on the next tick, in full: what was not noticed yet is still found then.
                    LogScanFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass: every open item the first time and after the targets changed, else the items falling due and those
    /// touched since the last pass.</summary>
    public async Task<SlaScan> ScanAsync(CancellationToken cancellationToken = default)
    {
        await _scanning.WaitAsync(cancellationToken);
        try
        {
            var policy = await book.GetAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            // Touches from here on are kept for the next pass; a full read below covers everything before.
            var ids = touched.Take();
            if (!ReferenceEquals(policy, _watchedUnder) || ids is null)
            {
                _watch.Clear();
                var (read, announcedInFull) = await FullAsync(policy, now, cancellationToken);
                _watchedUnder = policy;
                return new SlaScan(true, read, announcedInFull);
            }

            ids.UnionWith(_watch.TakeDue(now));
            var announced = 0;
            foreach (var chunk in ids.Chunk(Chunk))
            {
                List<OpenItem> items;
                await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                {
                    items = await Open(db).Where(f => chunk.Contains(f.Id))
                        .Select(f => new OpenItem(f.Id, f.Priority, f.ReceivedAt, f.Channel, f.Routings.Select(r => r.DepartmentId).ToList()))
                        .ToListAsync(cancellationToken);
                }

                announced += await CheckAsync(items, policy, now, cancellationToken);
            }

            return new SlaScan(false, ids.Count, announced);
        }
        catch
        {
            // Whatever this pass had taken from the watch list is not lost: the next pass reads everything again.
            _watchedUnder = null;
            throw;
        }
        finally
        {
            _scanning.Release();
        }
    }

    /// <summary>Every open item not yet noticed on both clocks, in keyset pages on the receipt time.</summary>
    private async Task<(int Read, int Announced)> FullAsync(SlaPolicy policy, DateTime now, CancellationToken cancellationToken)
    {
        var read = 0;
        var announced = 0;
        var after = DateTime.MinValue;
        var seenAtCursor = new List<Guid>();
        while (true)
        {
            List<OpenItem> items;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var cursor = after;
                var seen = seenAtCursor;
                items = await Open(db)
                    .Where(f => f.ReceivedAt > cursor || (f.ReceivedAt == cursor && !seen.Contains(f.Id)))
                    .OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id)
                    .Take(Chunk)
                    .Select(f => new OpenItem(f.Id, f.Priority, f.ReceivedAt, f.Channel, f.Routings.Select(r => r.DepartmentId).ToList()))
                    .ToListAsync(cancellationToken);
            }

            if (items.Count == 0)
            {
                return (read, announced);
            }

            read += items.Count;
            announced += await CheckAsync(items, policy, now, cancellationToken);

            // Items sharing the last time are remembered so none is read twice.
            var lastTime = items[^1].ReceivedAt;
            seenAtCursor = lastTime == after ? [.. seenAtCursor, .. items.Select(i => i.Id)]
                : [.. items.Where(i => i.ReceivedAt == lastTime).Select(i => i.Id)];
            after = lastTime;
        }
    }

    /// <summary>Open items that can still breach unnoticed (one notice per clock at most).</summary>
    private static IQueryable<FeedbackItem> Open(GamifyDbContext db) => db.FeedbackItems.AsNoTracking()
        .Where(f => f.Status == FeedbackStatus.Open && db.SlaBreachNotices.Count(n => n.FeedbackId == f.Id) < Clocks.Length);

    /// <summary>Announces (or records, when stale) each clock of <paramref name="items"/> past due and not noticed yet, and
    /// watches each item until its next clock can go past due. Answers how many it announced.</summary>
    private async Task<int> CheckAsync(List<OpenItem> items, SlaPolicy policy, DateTime now, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return 0;
        }

        Dictionary<Guid, List<SlaMark>> marks;
        HashSet<(Guid, SlaClockKind)> noticed;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var ids = items.Select(i => i.Id).ToList();
            marks = await SlaBook.MarksAsync(db, ids, cancellationToken);
            noticed = [.. (await db.SlaBreachNotices.AsNoTracking().Where(n => ids.Contains(n.FeedbackId))
                .Select(n => new { n.FeedbackId, n.Clock }).ToListAsync(cancellationToken)).Select(n => (n.FeedbackId, n.Clock))];
        }

        var announced = 0;
        var stale = new List<SlaBreachNotice>();
        foreach (var item in items)
        {
            var sla = SlaCalculator.Compute(item.ReceivedAt, item.Priority, policy, marks.GetValueOrDefault(item.Id) ?? [], now);
            foreach (var clock in new[] { sla.FirstResponse, sla.Resolution })
            {
                if (clock.State != SlaState.Breached || noticed.Contains((item.Id, clock.Kind)))
                {
                    continue;
                }

                var breachedAt = clock.BreachedAt ?? now;
                if (breachedAt < now - TimeSpan.FromHours(Math.Max(0, options.Value.AnnounceWithinHours)))
                {
                    stale.Add(new SlaBreachNotice { FeedbackId = item.Id, Clock = clock.Kind, BreachedAt = breachedAt, NotifiedAt = now });
                }
                else
                {
                    announced += await AnnounceAsync(item.Id, item.Priority, item.Channel, item.Departments, clock, breachedAt, now) ? 1 : 0;
                }
            }

            _watch.Watch(item.Id, sla.NextBreachAt);
        }

        await RecordSilentlyAsync(stale);
        return announced;
    }

    private sealed record OpenItem(Guid Id, Priority Priority, DateTime ReceivedAt, string Channel, List<Guid> Departments);

    /// <summary>
    /// Records breaches too old to announce (a restart after downtime, imported history) without a push, a chunk in one write:
    /// one write per breach kept the writer from intake for minutes after a large import.
    /// </summary>
    private async Task RecordSilentlyAsync(List<SlaBreachNotice> notices)
    {
        if (notices.Count == 0)
        {
            return;
        }

        await writer.ExclusiveAsync(async db =>
        {
            var ids = notices.Select(n => n.FeedbackId).Distinct().ToList();
            var known = (await db.SlaBreachNotices.AsNoTracking().Where(n => ids.Contains(n.FeedbackId))
                .Select(n => new { n.FeedbackId, n.Clock }).ToListAsync()).Select(n => (n.FeedbackId, n.Clock)).ToHashSet();
            db.SlaBreachNotices.AddRange(notices.Where(n => !known.Contains((n.FeedbackId, n.Clock))));
            await db.SaveChangesAsync();
            return true;
        });
    }

    private async Task<bool> AnnounceAsync(Guid itemId, Priority priority, string channel, List<Guid> departments, SlaClock clock,
        DateTime breachedAt, DateTime now)
    {
        List<Guid> recipients;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            recipients = await db.Employees.AsNoTracking().Where(e => departments.Contains(e.DepartmentId)).Select(e => e.Id).ToListAsync();
        }

        // The notice first: once it is committed, no later scan (in this process or after a restart) announces it again.
        var stored = await writer.ExclusiveAsync(async db =>
        {
            if (await db.SlaBreachNotices.AnyAsync(n => n.FeedbackId == itemId && n.Clock == clock.Kind))
            {
                return false;
            }

            db.SlaBreachNotices.Add(new SlaBreachNotice
            {
                FeedbackId = itemId, Clock = clock.Kind, BreachedAt = breachedAt, NotifiedAt = now, Recipients = recipients.Count,
            });
            await db.SaveChangesAsync();
            return true;
        });
        if (!stored || recipients.Count == 0)
        {
            return false;
        }

        var notification = NotificationTexts.SlaBreach(Guid.CreateVersion7(), clock.Kind == SlaClockKind.FirstResponse,
            SlaPolicy.Name(priority), channel, now);
        foreach (var employee in recipients)
        {
            await notifier.Notify(employee, notification);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA breach scan failed; it is retried on the next tick.")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
