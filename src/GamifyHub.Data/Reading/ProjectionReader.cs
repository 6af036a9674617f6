using GamifyHub.Domain.Boards;
using GamifyHub.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Reading;

/// <summary>
/// Rebuilds projections from the event log. Each load runs in one read transaction and returns the highest
/// event sequence it includes, so a projection can skip live updates it already counted.
/// </summary>
public sealed class ProjectionReader(IDbContextFactory<GamifyDbContext> dbFactory)
{
    public async Task<EmployeeProjection> LoadEmployee(Guid employeeId, int recentEvents)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var highWater = await HighWater(db);
        var byCategory = await db.Awards.Where(a => a.EmployeeId == employeeId)
            .GroupBy(a => a.Category)
            .Select(g => new { g.Key, Points = g.Sum(a => (long)a.Points) })
            .ToDictionaryAsync(g => g.Key, g => g.Points);
        var recentSeqs = await db.Awards.Where(a => a.EmployeeId == employeeId)
            .Select(a => a.EventSeq).Distinct().OrderByDescending(s => s).Take(recentEvents).ToListAsync();
        var recent = await db.Awards.Where(a => recentSeqs.Contains(a.EventSeq)).OrderBy(a => a.Id).ToListAsync();
        var events = recent.GroupBy(a => a.EventSeq).OrderBy(g => g.Key)
            .Select(g => new EventAwards(g.Key, g.First().EventId, g.First().FeedbackId, g.First().OccurredAt,
                [.. g.Select(a => new Award(a.Points, a.Category, a.RuleId, a.RuleVersion, a.Reason))]))
            .ToList();
        return new EmployeeProjection(highWater, byCategory, events);
    }

    public async Task<(long HighWater, long Points, long Events)> LoadDepartment(Guid departmentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var highWater = await HighWater(db);
        var points = await db.Awards.Where(a => a.DepartmentId == departmentId).SumAsync(a => (long)a.Points);
        var events = await db.Events.LongCountAsync(e => e.DepartmentId == departmentId);
        return (highWater, points, events);
    }

    public async Task<(long HighWater, Dictionary<Guid, long> Scores)> LoadBoard(BoardScope scope, Period period)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var highWater = await HighWater(db);
        var awards = db.Awards.AsQueryable();
        if (period.Window != BoardWindow.All)
        {
            var start = period.StartUtc.UtcDateTime;
            var end = period.EndUtc.UtcDateTime;
            awards = awards.Where(a => a.OccurredAt >= start && a.OccurredAt < end);
        }

        Dictionary<Guid, long> scores;
        switch (scope.Kind)
        {
            case BoardKind.Departments:
                scores = await awards.GroupBy(a => a.DepartmentId)
                    .Select(g => new { g.Key, Points = g.Sum(a => (long)a.Points) })
                    .ToDictionaryAsync(g => g.Key, g => g.Points);
                // Every department is on its board, including those that have not scored yet.
                foreach (var id in await db.Departments.Select(d => d.Id).ToListAsync())
                {
                    scores.TryAdd(id, 0);
                }

                break;
            case BoardKind.Department:
                scores = await awards.Where(a => a.DepartmentId == scope.DepartmentId)
                    .GroupBy(a => a.EmployeeId)
                    .Select(g => new { g.Key, Points = g.Sum(a => (long)a.Points) })
                    .ToDictionaryAsync(g => g.Key, g => g.Points);
                break;
            default:
                scores = await awards.GroupBy(a => a.EmployeeId)
                    .Select(g => new { g.Key, Points = g.Sum(a => (long)a.Points) })
                    .ToDictionaryAsync(g => g.Key, g => g.Points);
                break;
        }

        return (highWater, scores);
    }

    public async Task<ItemHistory?> LoadItem(Guid feedbackId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var routed = await db.FeedbackRoutings.Where(r => r.FeedbackId == feedbackId && r.ForwardedByEventId == null)
            .Select(r => r.DepartmentId).ToListAsync();
        if (routed.Count == 0 && !await db.FeedbackItems.AnyAsync(f => f.Id == feedbackId))
        {
            return null;
        }

        var events = await db.Events.Where(e => e.FeedbackId == feedbackId).OrderBy(e => e.Seq)
            .Select(e => new ItemEvent(e.EventId, e.EmployeeId, e.Type, e.TargetDepartmentId))
            .ToListAsync();
        return new ItemHistory(routed, events);
    }

    private static async Task<long> HighWater(GamifyDbContext db) => await db.Events.MaxAsync(e => (long?)e.Seq) ?? 0;
}

public sealed record EventAwards(long Seq, Guid EventId, Guid? FeedbackId, DateTime OccurredAt, IReadOnlyList<Award> Awards);

public sealed record EmployeeProjection(long HighWater, Dictionary<PointCategory, long> PointsByCategory, IReadOnlyList<EventAwards> Recent);

public sealed record ItemEvent(Guid EventId, Guid EmployeeId, ActionType Type, Guid? TargetDepartmentId);

public sealed record ItemHistory(IReadOnlyList<Guid> RoutedDepartments, IReadOnlyList<ItemEvent> Events);
