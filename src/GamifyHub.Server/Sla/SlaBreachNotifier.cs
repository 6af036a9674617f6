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

/// <summary>
/// Looks for SLA clocks that went past due and tells the employees of every department the item is routed to — the
/// team that can act on it, never one person singled out. Each breach of each clock of an item is announced once: the
/// notice row (keyed by item and clock) is committed before anyone is told, so a restart never repeats one (a crash in
/// between loses that push rather than sending it twice).
/// </summary>
public sealed partial class SlaBreachNotifier(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer, SlaBook book,
    ILiveNotifier notifier, TimeProvider time, IOptions<SlaOptions> options, ILogger<SlaBreachNotifier> logger) : BackgroundService
{
    /// <summary>Items checked per query: bounds memory and the time one read holds the database.</summary>
    private const int Chunk = 500;

    private static readonly SlaClockKind[] Clocks = [SlaClockKind.FirstResponse, SlaClockKind.Resolution];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.NotifierEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.ScanSeconds)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ScanAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed scan is retried on the next tick; what was not noticed yet is still found then.
                    LogScanFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass over the open items old enough to have breached. Answers how many breaches it announced.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken = default)
    {
        var policy = await book.GetAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var oldEnough = now - policy.Shortest;
        var announced = 0;
        var after = DateTime.MinValue;
        var seenAtCursor = new List<Guid>();
        while (true)
        {
            List<(Guid Id, Priority Priority, DateTime ReceivedAt, string Channel, List<Guid> Departments)> items;
            Dictionary<Guid, List<SlaMark>> marks;
            HashSet<(Guid, SlaClockKind)> noticed;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var cursor = after;
                var seen = seenAtCursor;
                var rows = await db.FeedbackItems.AsNoTracking()
                    .Where(f => f.Status == FeedbackStatus.Open && f.ReceivedAt <= oldEnough)
                    .Where(f => f.ReceivedAt > cursor || (f.ReceivedAt == cursor && !seen.Contains(f.Id)))
                    .Where(f => db.SlaBreachNotices.Count(n => n.FeedbackId == f.Id) < Clocks.Length)
                    .OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id)
                    .Take(Chunk)
                    .Select(f => new { f.Id, f.Priority, f.ReceivedAt, f.Channel, Departments = f.Routings.Select(r => r.DepartmentId).ToList() })
                    .ToListAsync(cancellationToken);
                if (rows.Count == 0)
                {
                    return announced;
                }

                items = [.. rows.Select(r => (r.Id, r.Priority, r.ReceivedAt, r.Channel, r.Departments))];
                var ids = items.Select(i => i.Id).ToList();
                marks = await SlaBook.MarksAsync(db, ids, cancellationToken);
                noticed = [.. (await db.SlaBreachNotices.AsNoTracking().Where(n => ids.Contains(n.FeedbackId))
                    .Select(n => new { n.FeedbackId, n.Clock }).ToListAsync(cancellationToken)).Select(n => (n.FeedbackId, n.Clock))];
            }

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
            }

            await RecordSilentlyAsync(stale);

            // Keyset paging on the receipt time; items sharing the last time are remembered so none is read twice.
            var lastTime = items[^1].ReceivedAt;
            seenAtCursor = lastTime == after ? [.. seenAtCursor, .. items.Select(i => i.Id)]
                : [.. items.Where(i => i.ReceivedAt == lastTime).Select(i => i.Id)];
            after = lastTime;
        }
    }

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
