using GamifyHub.Data.Entities;
using GamifyHub.Domain.Challenges;
using GamifyHub.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Reading;

/// <summary>
/// Challenge rows and what a challenge reads from the log to compute its progress. A context per operation; the rows are
/// written by their challenge grain only (one writer per row), the event log only through <see cref="Writing.EngagementWriter"/>.
/// </summary>
public sealed class ChallengeStore(IDbContextFactory<GamifyDbContext> dbFactory, Writing.EngagementWriter writer)
{
    public async Task<ChallengeEntry?> Get(Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
    }

    /// <summary>Whether a challenge with this id exists: asked before its grain is activated, so a made-up id costs one
    /// indexed read and no grain.</summary>
    public async Task<bool> Exists(Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Challenges.AsNoTracking().AnyAsync(c => c.Id == id);
    }

    public async Task<List<ChallengeEntry>> List()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Challenges.AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync();
    }

    /// <summary>Challenges whose clock or progress is running (scheduled or active).</summary>
    public async Task<List<Guid>> LiveIds()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Challenges.AsNoTracking()
            .Where(c => c.Status == ChallengeStatus.Active || c.Status == ChallengeStatus.Scheduled)
            .Select(c => c.Id).ToListAsync();
    }

    /// <summary>Stores the challenge, and <paramref name="audit"/> with it in the same commit.</summary>
    public Task Save(ChallengeEntry entry, AuditEntry? audit = null) => writer.ExclusiveAsync(async db =>
    {
        if (await db.Challenges.AnyAsync(c => c.Id == entry.Id))
        {
            db.Challenges.Update(entry);
        }
        else
        {
            db.Challenges.Add(entry);
        }

        if (audit is not null)
        {
            db.AuditLog.Add(audit);
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>
    /// The events in [start, end) as challenges see them (rewards left out), in one read transaction with the highest sequence
    /// included, so live updates at or below it can be skipped.
    /// </summary>
    public async Task<(long HighWater, List<ChallengeFact> Facts)> LoadFacts(DateTime start, DateTime end)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginSnapshotReadAsync();
        var highWater = await db.Events.MaxAsync(e => (long?)e.Seq) ?? 0;
        var events = await db.Events.AsNoTracking()
            .Where(e => e.OccurredAt >= start && e.OccurredAt < end && e.Type != ActionType.Reward && e.Seq <= highWater)
            .OrderBy(e => e.Seq)
            .Select(e => new { e.Seq, e.EmployeeId, e.DepartmentId, e.Type, e.FeedbackId, e.OccurredAt, e.Source })
            .ToListAsync();
        var lines = (await db.Awards.AsNoTracking().Where(a => a.OccurredAt >= start && a.OccurredAt < end && a.EventSeq <= highWater)
                .Select(a => new { a.EventSeq, a.EmployeeId, a.DepartmentId, a.Category, a.Points }).ToListAsync())
            .ToLookup(a => a.EventSeq, a => new ChallengePoints(a.EmployeeId, a.DepartmentId, a.Category, a.Points));

        // First replies in the window: the item's arrival time starts its first-response clock.
        var firstReplies = await db.Events.AsNoTracking()
            .Where(e => e.OccurredAt >= start && e.OccurredAt < end && e.Type == ActionType.Reply && e.FeedbackId != null
                && !db.Events.Any(r => r.FeedbackId == e.FeedbackId && r.Type == ActionType.Reply && r.Seq < e.Seq))
            .Join(db.FeedbackItems, e => e.FeedbackId, f => f.Id, (e, f) => new { e.Seq, f.ReceivedAt })
            .ToDictionaryAsync(x => x.Seq, x => x.ReceivedAt);

        var facts = events
            .Where(e => EngagementSources.IsPersonAction(e.Source))
            .Select(e => new ChallengeFact(e.Seq, e.EmployeeId, e.DepartmentId, e.Type, e.FeedbackId, Utc(e.OccurredAt),
                [.. lines[e.Seq]], firstReplies.TryGetValue(e.Seq, out var received) ? Utc(received) : null))
            .ToList();
        return (highWater, facts);
    }

    /// <summary>For a reply that is the item's first, when the item arrived; null for a later reply.</summary>
    public async Task<DateTimeOffset?> FirstReplyClock(Guid feedbackId, long seq)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Events.AnyAsync(r => r.FeedbackId == feedbackId && r.Type == ActionType.Reply && r.Seq < seq))
        {
            return null;
        }

        var received = await db.FeedbackItems.Where(f => f.Id == feedbackId).Select(f => (DateTime?)f.ReceivedAt).FirstOrDefaultAsync();
        return received is { } r ? Utc(r) : null;
    }

    /// <summary>Feedback items routed (or forwarded) to each department within [start, end), each item once per department.</summary>
    public async Task<Dictionary<Guid, int>> RoutedCounts(DateTime start, DateTime end)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.FeedbackRoutings.AsNoTracking()
            .Where(r => r.RoutedAt >= start && r.RoutedAt < end)
            .GroupBy(r => r.DepartmentId)
            .Select(g => new { g.Key, Items = g.Select(r => r.FeedbackId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Items);
    }

    /// <summary>Challenge badges an employee earned (reward events that carried a badge), newest first.</summary>
    public async Task<List<(string Badge, DateTime At)>> BadgesOf(Guid employeeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.EmployeeId == employeeId && e.Type == ActionType.Reward && e.Text != null)
            .OrderByDescending(e => e.Seq)
            .Select(e => new { e.Text, e.OccurredAt }).ToListAsync();
        return [.. rows.Select(r => (r.Text!, r.OccurredAt))];
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
