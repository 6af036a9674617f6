using GamifyHub.Data.Writing;
using GamifyHub.Data.Entities;
using GamifyHub.Domain.Feedback;
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
    /// <summary>
    /// A department's totals: from its snapshot (<see cref="ProjectionSnapshotStore"/>) plus the log after it when one of the
    /// current epoch is stored, else from the whole log.
    /// </summary>
    public async Task<DepartmentLoad> LoadDepartment(Guid departmentId) => (await LoadDepartment(departmentId, null))!;

    /// <param name="underEpoch">When given: null, without reading the log, if the snapshot epoch has moved on from it (a rescore,
    /// erasure or retention forgot every snapshot since: a load now would read the whole log).</param>
    public async Task<DepartmentLoad?> LoadDepartment(Guid departmentId, long? underEpoch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginSnapshotReadAsync();
        var highWater = await HighWater(db);
        var epoch = await ProjectionSnapshotStore.EpochAsync(db);
        if (underEpoch is { } wanted && wanted != epoch)
        {
            return null;
        }

        var snapshot = await Snapshot(db, ProjectionSnapshotFormat.DepartmentKey(departmentId), "", epoch, highWater);
        if (snapshot is not null && ProjectionSnapshotFormat.ReadTotals(snapshot.Format, snapshot.Data) is { } totals)
        {
            // The tail only, along the log's order (the unary plus keeps SQLite off the department's whole-history index).
            var points = (await db.Database.SqlQuery<long>($"""
                SELECT COALESCE(SUM(Points), 0) AS Value FROM Awards
                WHERE EventSeq > {snapshot.Seq} AND EventSeq <= {highWater} AND +DepartmentId = {departmentId}
                """).ToListAsync())[0];
            var events = (await db.Database.SqlQuery<long>($"""
                SELECT count(*) AS Value FROM Events WHERE Seq > {snapshot.Seq} AND Seq <= {highWater} AND DepartmentId = {departmentId}
                """).ToListAsync())[0];
            return new DepartmentLoad(highWater, epoch, snapshot.Seq, totals.Points + points, totals.Events + events);
        }

        var allPoints = await db.Awards.Where(a => a.DepartmentId == departmentId).SumAsync(a => (long)a.Points);
        var allEvents = await db.Events.LongCountAsync(e => e.DepartmentId == departmentId);
        return new DepartmentLoad(highWater, epoch, 0, allPoints, allEvents);
    }

    /// <summary>
    /// Feedback items routed or forwarded to each department within the period (all of them for window all),
    /// counting an item once per department.
    /// </summary>
    public async Task<Dictionary<Guid, int>> RoutedItemCounts(Period period)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var routings = db.FeedbackRoutings.AsNoTracking();
        if (period.Window != BoardWindow.All)
        {
            var start = period.StartUtc.UtcDateTime;
            var end = period.EndUtc.UtcDateTime;
            routings = routings.Where(r => r.RoutedAt >= start && r.RoutedAt < end);
        }

        return await routings.GroupBy(r => r.DepartmentId)
            .Select(g => new { g.Key, Items = g.Select(r => r.FeedbackId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Items);
    }

    /// <summary>
    /// A board's scores for one period: from its snapshot (<see cref="ProjectionSnapshotStore"/>) plus the award lines after
    /// it when one of this period and the current epoch is stored, else from every award line in the period.
    /// </summary>
    public async Task<BoardLoad> LoadBoard(BoardScope scope, Period period) => (await LoadBoard(scope, period, null))!;

    /// <param name="underEpoch">When given: null, without reading the log, if the snapshot epoch has moved on from it.</param>
    public async Task<BoardLoad?> LoadBoard(BoardScope scope, Period period, long? underEpoch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginSnapshotReadAsync();
        var highWater = await HighWater(db);
        var epoch = await ProjectionSnapshotStore.EpochAsync(db);
        if (underEpoch is { } wanted && wanted != epoch)
        {
            return null;
        }

        var snapshot = await Snapshot(db, ProjectionSnapshotFormat.BoardKey(scope, period.Window), ProjectionSnapshotFormat.PeriodText(period),
            epoch, highWater);
        var restored = snapshot is null ? null : ProjectionSnapshotFormat.ReadScores(snapshot.Format, snapshot.Data);
        var scores = restored is null ? await BoardFromLog(db, scope, period) : await AddTail(db, scope, period, snapshot!.Seq, highWater, restored);
        if (scope.Kind == BoardKind.Departments)
        {
            // Every department is on its board, including those that have not scored yet.
            foreach (var id in await db.Departments.Select(d => d.Id).ToListAsync())
            {
                scores.TryAdd(id, 0);
            }
        }

        return new BoardLoad(highWater, epoch, restored is null ? 0 : snapshot!.Seq, scores);
    }

    private static async Task<Dictionary<Guid, long>> BoardFromLog(GamifyDbContext db, BoardScope scope, Period period)
    {
        var awards = db.Awards.AsQueryable();
        if (period.Window != BoardWindow.All)
        {
            var start = period.StartUtc.UtcDateTime;
            var end = period.EndUtc.UtcDateTime;
            awards = awards.Where(a => a.OccurredAt >= start && a.OccurredAt < end);
        }

        var scores = scope.Kind switch
        {
            BoardKind.Departments => await awards.GroupBy(a => a.DepartmentId)
                .Select(g => new { g.Key, Points = g.Sum(a => (long)a.Points) })
                .ToDictionaryAsync(g => g.Key, g => g.Points),
            BoardKind.Department => await awards.Where(a => a.DepartmentId == scope.DepartmentId)
                .GroupBy(a => a.EmployeeId)
                .Select(g => new { g.Key, Points = g.Sum(a => (long)a.Points) })
                .ToDictionaryAsync(g => g.Key, g => g.Points),
            _ => await awards.GroupBy(a => a.EmployeeId)
                .Select(g => new { g.Key, Points = g.Sum(a => (long)a.Points) })
                .ToDictionaryAsync(g => g.Key, g => g.Points),
        };

        if (scope.Kind != BoardKind.Departments)
        {
            // Individual boards list employees only: a department's "former colleague" (erased people, events past
            // retention) counts for the department, never as a person.
            var people = (await db.Employees.Select(e => e.Id).ToListAsync()).ToHashSet();
            foreach (var member in scores.Keys.Where(m => !people.Contains(m)).ToList())
            {
                scores.Remove(member);
            }
        }

        return scores;
    }

    /// <summary>Adds the period's award lines after <paramref name="after"/> up to <paramref name="highWater"/> to a snapshot's
    /// scores, with the same rules as <see cref="BoardFromLog"/> (a snapshot lists employees only: erasure moves the epoch).</summary>
    private static async Task<Dictionary<Guid, long>> AddTail(GamifyDbContext db, BoardScope scope, Period period, long after, long highWater,
        Dictionary<Guid, long> scores)
    {
        var bounded = period.Window != BoardWindow.All;
        var start = bounded ? period.StartUtc.UtcDateTime : DateTime.MinValue;
        var end = bounded ? period.EndUtc.UtcDateTime : DateTime.MaxValue;
        Guid? department = scope.Kind == BoardKind.Department ? scope.DepartmentId : null;
        var people = scope.Kind == BoardKind.Departments ? 0 : 1;
        // Along the log's order only: the unary pluses keep SQLite off the time and department indexes, which would read
        // the whole period or the department's whole history.
        var tail = await db.Database.SqlQuery<TailAward>($"""
            SELECT a.EmployeeId, a.DepartmentId, a.Points
            FROM Awards a
            WHERE a.EventSeq > {after} AND a.EventSeq <= {highWater}
              AND +a.OccurredAt >= {start} AND +a.OccurredAt < {end}
              AND ({department} IS NULL OR +a.DepartmentId = {department})
              AND ({people} = 0 OR EXISTS (SELECT 1 FROM Employees p WHERE p.Id = a.EmployeeId))
            """).ToListAsync();
        foreach (var line in tail)
        {
            var member = scope.Kind == BoardKind.Departments ? line.DepartmentId : line.EmployeeId;
            scores[member] = scores.GetValueOrDefault(member) + line.Points;
        }

        return scores;
    }

    private static Task<ProjectionSnapshotEntry?> Snapshot(GamifyDbContext db, string key, string period, long epoch, long highWater) =>
        db.ProjectionSnapshots.AsNoTracking()
            .Where(s => s.Key == key && s.Period == period && s.Epoch == epoch && s.Seq <= highWater)
            .FirstOrDefaultAsync();

    /// <summary>An item's profile, intake routing and events in commit order with the award lines each stored.</summary>
    public async Task<ItemHistory?> LoadItem(Guid feedbackId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginSnapshotReadAsync();
        var item = await db.FeedbackItems.AsNoTracking().Where(f => f.Id == feedbackId)
            .Select(f => new { f.Id, f.Channel, f.Sentiment, f.Priority, f.Language, f.ReceivedAt })
            .FirstOrDefaultAsync();
        if (item is null)
        {
            return null;
        }

        var routed = await db.FeedbackRoutings.Where(r => r.FeedbackId == feedbackId && r.ForwardedByEventId == null)
            .OrderBy(r => r.RoutedAt).Select(r => r.DepartmentId).ToListAsync();
        var events = await db.Events.AsNoTracking().Where(e => e.FeedbackId == feedbackId).OrderBy(e => e.Seq)
            .Select(e => new { e.Seq, e.EventId, e.EmployeeId, e.DepartmentId, e.Type, e.TargetDepartmentId, e.Source })
            .ToListAsync();
        var lines = (await db.Awards.AsNoTracking().Where(a => a.FeedbackId == feedbackId).OrderBy(a => a.Id).ToListAsync())
            .ToLookup(a => a.EventSeq, ToLine);
        var profile = new ItemProfile(item.Id, item.Channel, item.Sentiment, item.Priority, item.Language, Utc(item.ReceivedAt), routed);
        return new ItemHistory(profile, routed,
            [.. events.Select(e => new ItemEvent(e.EventId, e.EmployeeId, e.DepartmentId, e.Type, e.TargetDepartmentId, e.Source,
                [.. lines[e.Seq]]))]);
    }

    /// <summary>
    /// What an employee's projection is rebuilt from, in one consistent read: their ledger snapshot when one of
    /// <paramref name="rulesVersion"/> is stored, and everything their ledger observes after it, in commit order — their
    /// own events and the events whose award lines name them (shared credit, clawbacks), each with the employee's stored
    /// lines and, for events on an item, the item as that event saw it (folded from the item's events). Without a usable
    /// snapshot that is their whole history. Also their latest award-bearing events and their latest own event ids.
    /// </summary>
    public async Task<LedgerHistory> LoadLedger(Guid employeeId, int rulesVersion, int recentEvents, int storedIds)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginSnapshotReadAsync();
        var highWater = await HighWater(db);
        var epoch = await LedgerSnapshotStore.EpochAsync(db);
        var snapshot = await db.LedgerSnapshots.AsNoTracking()
            .Where(s => s.EmployeeId == employeeId && s.RulesVersion == rulesVersion && s.Seq <= highWater)
            .Select(s => new { s.Seq, s.Format, s.Data }).FirstOrDefaultAsync();
        var restored = snapshot is { Format: EmployeeLedger.SnapshotFormat } ? EmployeeLedger.FromSnapshot(employeeId, snapshot.Data) : null;
        var after = restored is null ? 0 : snapshot!.Seq;

        var namedIn = db.Awards.Where(a => a.EmployeeId == employeeId && a.EventSeq > after).Select(a => a.EventSeq);
        var tail = db.Events.Where(e => e.Seq > after && e.Seq <= highWater && (e.EmployeeId == employeeId || namedIn.Contains(e.Seq)));
        var events = await tail.AsNoTracking()
            .OrderBy(e => e.Seq)
            .Select(e => new { e.Seq, e.EventId, e.EmployeeId, e.DepartmentId, e.Type, e.FeedbackId, e.OccurredAt, e.Source, e.DwellSeconds })
            .ToListAsync();
        var lines = (await db.Awards.AsNoTracking().Where(a => a.EmployeeId == employeeId && a.EventSeq > after && a.EventSeq <= highWater)
                .OrderBy(a => a.Id).ToListAsync())
            .ToLookup(a => a.EventSeq, ToLine);

        var wanted = events.Select(e => e.Seq).ToHashSet();
        var facts = new Dictionary<long, ItemFacts>();
        if (events.Any(e => e.FeedbackId is not null))
        {
            // The tail's items as a subquery, not a list of ids: a long tail names tens of thousands of items.
            var itemIds = tail.Where(e => e.FeedbackId != null).Select(e => e.FeedbackId);
            var items = await db.FeedbackItems.AsNoTracking().Where(f => itemIds.Contains(f.Id))
                .Select(f => new { f.Id, f.Channel, f.Sentiment, f.Priority, f.Language, f.ReceivedAt }).ToListAsync();
            var routings = (await db.FeedbackRoutings.AsNoTracking()
                    .Where(r => itemIds.Contains(r.FeedbackId) && r.ForwardedByEventId == null)
                    .OrderBy(r => r.RoutedAt).Select(r => new { r.FeedbackId, r.DepartmentId }).ToListAsync())
                .ToLookup(r => r.FeedbackId, r => r.DepartmentId);
            var itemEvents = (await db.Events.AsNoTracking()
                    .Where(e => e.FeedbackId != null && itemIds.Contains(e.FeedbackId) && e.Seq <= highWater)
                    .OrderBy(e => e.Seq)
                    .Select(e => new { e.Seq, e.FeedbackId, e.EmployeeId, e.DepartmentId, e.Type, e.TargetDepartmentId, e.Source })
                    .ToListAsync())
                .ToLookup(e => e.FeedbackId!.Value);
            foreach (var item in items)
            {
                var state = new FeedbackItemState(new ItemProfile(item.Id, item.Channel, item.Sentiment, item.Priority, item.Language,
                    Utc(item.ReceivedAt), [.. routings[item.Id]]));
                foreach (var e in itemEvents[item.Id])
                {
                    if (wanted.Contains(e.Seq))
                    {
                        facts[e.Seq] = state.FactsFor(e.Type, e.TargetDepartmentId);
                    }

                    // Observe reads no clawback lines, so the resolve's lines are not needed to fold the item here.
                    state.Apply(e.EmployeeId, e.DepartmentId, e.Type, e.TargetDepartmentId, e.Source, []);
                }
            }
        }

        var history = new LedgerHistory(highWater, epoch, restored, after,
            [.. events.Select(e => new LedgerEntry(e.Seq,
                new EngagementFact(e.EventId, e.EmployeeId, e.DepartmentId, e.Type, Utc(e.OccurredAt), e.Source, e.DwellSeconds,
                    facts.GetValueOrDefault(e.Seq)),
                [.. lines[e.Seq]]))],
            [], []);
        if (recentEvents == 0 && storedIds == 0)
        {
            return history; // the ledger only (the snapshotter)
        }

        // The latest events that carry lines for the employee, and the latest of their own events: two index range reads.
        var recentSeqs = await db.Awards.Where(a => a.EmployeeId == employeeId && a.EventSeq <= highWater)
            .Select(a => a.EventSeq).Distinct().OrderByDescending(s => s).Take(recentEvents).ToListAsync();
        var recentLines = (await db.Awards.AsNoTracking().Where(a => a.EmployeeId == employeeId && recentSeqs.Contains(a.EventSeq))
                .OrderBy(a => a.Id).ToListAsync())
            .ToLookup(a => a.EventSeq, ToLine);
        var recent = await db.Events.AsNoTracking().Where(e => recentSeqs.Contains(e.Seq)).OrderBy(e => e.Seq)
            .Select(e => new { e.Seq, e.EventId, e.EmployeeId, e.FeedbackId, e.OccurredAt }).ToListAsync();
        var own = await db.Events.AsNoTracking().Where(e => e.EmployeeId == employeeId && e.Seq <= highWater)
            .OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.EventId }).Take(storedIds).ToListAsync();
        var ownFirst = own.Count == 0 ? 0 : own[^1].Seq;
        var ownPoints = (await db.Awards.Where(a => a.EmployeeId == employeeId && a.EventSeq >= ownFirst && a.EventSeq <= highWater)
                .GroupBy(a => a.EventSeq).Select(g => new { g.Key, Points = g.Sum(a => a.Points) }).ToListAsync())
            .ToDictionary(g => g.Key, g => g.Points);

        return history with
        {
            Recent = [.. recent.Select(e => new LedgerRecent(e.Seq, e.EventId, e.FeedbackId, Utc(e.OccurredAt), e.EmployeeId, [.. recentLines[e.Seq]]))],
            Stored = [.. own.AsEnumerable().Reverse().Select(e => (e.EventId, ownPoints.GetValueOrDefault(e.Seq)))],
        };
    }

    /// <summary>
    /// Per employee, how many of their own events the log holds after their snapshot of <paramref name="rulesVersion"/>
    /// (after nothing: all of them), up to the answered high water. One pass over the log: for a start or a rules change.
    /// </summary>
    public async Task<(long HighWater, Dictionary<Guid, int> Tails)> LedgerTails(int rulesVersion, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginSnapshotReadAsync(cancellationToken);
        var highWater = await HighWater(db);
        // From each employee's snapshot on, along the (EmployeeId, Seq) index: only the tails are read, not the log.
        var tails = (await db.Database.SqlQuery<LedgerTail>($"""
                SELECT p.Id AS EmployeeId, count(*) AS Events
                FROM Employees p
                LEFT JOIN LedgerSnapshots s ON s.EmployeeId = p.Id AND s.RulesVersion = {rulesVersion}
                JOIN Events e ON e.EmployeeId = p.Id AND e.Seq > COALESCE(s.Seq, 0) AND e.Seq <= {highWater}
                GROUP BY p.Id
                """).ToListAsync(cancellationToken))
            .ToDictionary(t => t.EmployeeId, t => t.Events);
        return (highWater, tails);
    }

    public async Task<long> LedgerSnapshotEpoch(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LedgerSnapshotStore.EpochAsync(db, cancellationToken);
    }

    /// <summary>Per employee, their own events committed after <paramref name="after"/>, up to the answered high water.</summary>
    public async Task<(long HighWater, Dictionary<Guid, int> Counts)> EventsSince(long after, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginSnapshotReadAsync(cancellationToken);
        var highWater = await HighWater(db);
        var counts = await db.Events.Where(e => e.Seq > after && e.Seq <= highWater && db.Employees.Any(p => p.Id == e.EmployeeId))
            .GroupBy(e => e.EmployeeId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return (highWater, counts);
    }

    /// <summary>What applying <paramref name="proposed"/> would change (see <see cref="Rescoring.PreviewAsync"/>), from one
    /// consistent read of the log.</summary>
    public async Task<RescoreDiff> PreviewAsync(RuleSet current, RuleSet proposed, TimeZoneInfo zone, StandingsCache standings,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginSnapshotReadAsync(cancellationToken);
        return await Rescoring.PreviewAsync(db, current, proposed, zone, standings, cancellationToken);
    }

    /// <summary>The whole event log in commit order, with the profiles of the items it names: the input of a replay.</summary>
    public async Task<(IReadOnlyList<ReplayEvent> Events, IReadOnlyDictionary<Guid, ItemProfile> Items)> LoadReplay(
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginSnapshotReadAsync(cancellationToken);
        var (events, items, _) = await Rescoring.LoadLogAsync(db, cancellationToken);
        return (events, items);
    }

    public static AwardLine ToLine(AwardEntry a) =>
        new(a.EmployeeId, a.DepartmentId, a.Points, a.Category, a.RuleId, a.RuleVersion, a.Reason);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static async Task<long> HighWater(GamifyDbContext db) => await db.Events.MaxAsync(e => (long?)e.Seq) ?? 0;
}

/// <summary>A department's totals as of <paramref name="HighWater"/>, read under <paramref name="Epoch"/>; from a snapshot up to
/// <paramref name="RestoredUpTo"/> plus the log after it (0: from the whole log).</summary>
public sealed record DepartmentLoad(long HighWater, long Epoch, long RestoredUpTo, long Points, long Events);

/// <summary>A board's scores for one period as of <paramref name="HighWater"/>, read under <paramref name="Epoch"/>; from a
/// snapshot up to <paramref name="RestoredUpTo"/> plus the log after it (0: from the whole log).</summary>
public sealed record BoardLoad(long HighWater, long Epoch, long RestoredUpTo, Dictionary<Guid, long> Scores);

/// <summary>One award line of a board's tail.</summary>
public sealed record TailAward(Guid EmployeeId, Guid DepartmentId, int Points);

public sealed record ItemEvent(Guid EventId, Guid EmployeeId, Guid DepartmentId, ActionType Type, Guid? TargetDepartmentId,
    string Source, IReadOnlyList<AwardLine> Awards);

public sealed record ItemHistory(ItemProfile Profile, IReadOnlyList<Guid> RoutedDepartments, IReadOnlyList<ItemEvent> Events);

/// <summary>How many of an employee's own events lie after their ledger snapshot.</summary>
public sealed record LedgerTail(Guid EmployeeId, int Events);

/// <summary>One event an employee's ledger observes, with the employee's own stored lines of it.</summary>
public sealed record LedgerEntry(long Seq, EngagementFact Fact, IReadOnlyList<AwardLine> Awards);

/// <summary>One of an employee's latest award-bearing events (theirs or a colleague's), with the employee's lines.</summary>
public sealed record LedgerRecent(long Seq, Guid EventId, Guid? FeedbackId, DateTimeOffset OccurredAt, Guid ActorId,
    IReadOnlyList<AwardLine> Awards);

/// <summary>What an employee's projection is rebuilt from (see <see cref="ProjectionReader.LoadLedger"/>).</summary>
/// <param name="HighWater">The log's last sequence in the read: everything up to it is included.</param>
/// <param name="Epoch">The snapshot epoch the read saw (see <see cref="LedgerSnapshotStore"/>).</param>
/// <param name="Restored">The ledger of the stored snapshot (up to <paramref name="RestoredUpTo"/>), or null: start empty.</param>
/// <param name="Entries">What the ledger observes after the snapshot (or from the start), in commit order.</param>
/// <param name="Recent">The latest events that carry lines for the employee, oldest first.</param>
/// <param name="Stored">The employee's latest own event ids with their points for the employee, oldest first.</param>
public sealed record LedgerHistory(long HighWater, long Epoch, EmployeeLedger? Restored, long RestoredUpTo,
    IReadOnlyList<LedgerEntry> Entries, IReadOnlyList<LedgerRecent> Recent, IReadOnlyList<(Guid EventId, int Points)> Stored)
{
    /// <summary>The ledger as of <see cref="HighWater"/>: the snapshot's (or an empty one) after observing every entry, giving the
    /// thread back every <paramref name="yieldEvery"/> entries so a long tail does not hold a grain's scheduler. Takes the restored
    /// ledger over: call once.</summary>
    public async Task<EmployeeLedger> FoldAsync(Guid employeeId, TimeZoneInfo zone, int yieldEvery = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(yieldEvery);
        var ledger = Restored ?? new EmployeeLedger(employeeId);
        for (var i = 0; i < Entries.Count; i++)
        {
            ledger.Observe(Entries[i].Fact, Entries[i].Awards, zone);
            if (i % yieldEvery == yieldEvery - 1)
            {
                await Task.Yield();
            }
        }

        return ledger;
    }
}
