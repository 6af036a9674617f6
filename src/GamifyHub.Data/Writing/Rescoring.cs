using GamifyHub.Data.Auditing;
using System.Text.Json;
using System.Threading.Channels;
using GamifyHub.Data.Entities;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GamifyHub.Data.Writing;

/// <summary>What applying a rule set did: the new version in force, how it changed everyone, and where the time went.</summary>
public sealed record RescoreApplied(RuleSet Rules, RescoreDiff Diff, int AwardLines, int Flags, IReadOnlyList<RescorePhase> Phases);

/// <summary>How long one step of a rescore took (for logs and the benchmark).</summary>
/// <param name="ProcessCpu">CPU time the whole process used meanwhile (all threads, so other work too): with
/// <paramref name="Elapsed"/> it tells waiting for the CPU or the disk from working.</param>
public readonly record struct RescorePhase(string Name, TimeSpan Elapsed, TimeSpan ProcessCpu);

/// <summary>
/// Rescoring: replays the whole event log under a proposed rule set and, in one transaction, replaces the award lines and
/// anti-gaming flags with the replay's, stores the rule set as a new version and audits it. Meant to run through
/// <see cref="EngagementWriter.ExclusiveAsync{T}"/>, so no event commits between reading the log and replacing its awards.
/// </summary>
public static partial class Rescoring
{
    private static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.Web);

    /// <summary>The audit summary of a diff (totals, not the per-employee rows).</summary>
    public static string Summary(RescoreDiff diff) => JsonSerializer.Serialize(new
    {
        diff.TotalBefore,
        diff.TotalAfter,
        diff.TotalDelta,
        diff.EmployeesAffected,
        diff.BadgesGained,
        diff.BadgesLost,
    }, SummaryJson);

    /// <param name="standings">Where the standings of the last preview or apply are kept: when they are the current rules'
    /// for exactly this log, the current rules are not replayed again; the new rules' standings are left there.</param>
    public static async Task<RescoreApplied> ApplyAsync(GamifyDbContext db, RuleSet current, RuleSet proposed, string actor,
        DateTime now, TimeZoneInfo zone, CancellationToken cancellationToken = default, StandingsCache? standings = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var phases = new Phases();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            using var settings = BulkSettings.Apply(connection);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var transaction = (SqliteTransaction)tx.GetDbTransaction();
            var version = (await db.RuleSets.MaxAsync(r => (int?)r.Version, cancellationToken) ?? 0) + 1;
            var rules = proposed with { Version = version };

            // The transaction began IMMEDIATE (the write lock) and has written nothing yet.
            var log = await LoadLogAsync(db, secondReader: true, cancellationToken);
            var input = ReplayInput.Of(log.Events, log.Items);
            var known = standings?.Find(current, zone, input);
            phases.Done(known is null ? "load log" : "load log (the current rules' standings known from the preview)");

            // Three things at once on the thread pool: the proposed rules' replay hands its scores over in chunks as it goes
            // and this thread rewrites the award lines from them, while the current rules are replayed beside (only the
            // diff needs that one). The replays are pure; only this thread touches the database.
            var chunks = Channel.CreateUnbounded<EventScore[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            using var stop = new CancellationTokenSource();
            var snapshots = new List<(Guid EmployeeId, byte[] Data)>();
            var afterReplay = Task.Run(() => ReplayProposed(rules, log, zone, chunks.Writer, snapshots, stop.Token), CancellationToken.None);
            var beforeReplay = Standings(known, current, log, zone, stop.Token);
            var replays = Task.WhenAll(afterReplay, beforeReplay);
            (int Lines, int Flags) written;
            try
            {
                using (var rewriter = AwardRewriter.Open(connection, transaction))
                {
                    phases.Done("read the award lines in place");
                    var next = 0;
                    await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
                    {
                        foreach (var score in chunk)
                        {
                            rewriter.Add(log.Meta[next++], score);
                        }
                    }

                    if (next != log.Meta.Count)
                    {
                        throw new InvalidOperationException($"The replay scored {next} events, the log has {log.Meta.Count}.");
                    }

                    phases.Done("replay proposed rules + rewrite their award lines and flags (side by side)");
                    written = rewriter.Finish();
                    phases.Done(rewriter.RebuiltIndexes ? "remove the lines left over, rebuild indexes" : "remove the lines left over");
                }
            }
            catch
            {
                // Let the other core stop before the log it reads goes away; its own outcome no longer matters.
                await stop.CancelAsync();
                await Task.WhenAny(replays);
                throw;
            }

            await replays;
            var after = await afterReplay;
            var diff = RescorePreview.Compare(await beforeReplay, after);
            phases.Done("wait for the current rules' replay, diff");
            // Every ledger as the new rules leave it: employee grains reload from these instead of replaying their history.
            LedgerSnapshotStore.ReplaceAll(connection, transaction, version, now, snapshots);
            phases.Done($"store {snapshots.Count:N0} ledger snapshots");
            // Boards and department totals were sums of the old lines: rebuilt from the new ones.
            await ProjectionSnapshotStore.ForgetAsync(db, now, cancellationToken);
            db.RuleSets.Add(new RuleSetEntry { Version = version, Json = RuleSetFormat.Write(rules), CreatedAt = now, CreatedBy = actor });
            var summary = Summary(diff);
            db.RuleChanges.Add(new RuleChange { Kind = RuleChange.Apply, Version = version, Actor = actor, At = now, Summary = summary });
            db.Audit(now, actor, AuditActions.RulesApplied, $"version {version}", summary);
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            phases.Done("commit");

            // What SQLite's auto-checkpoint would have done inside the commit (turned off above to time it apart): copy the
            // transaction's pages from the write-ahead log into the database file.
            ExecuteSync(connection, null, "PRAGMA wal_checkpoint(PASSIVE)");
            phases.Done("checkpoint");
            standings?.Remember(rules, zone, input, after);
            return new RescoreApplied(rules, diff, written.Lines, written.Flags, phases.List);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// What applying <paramref name="proposed"/> would change, computed from the log read inside the caller's transaction:
    /// both rule sets replayed side by side (the current one's standings taken from <paramref name="standings"/> when known
    /// for exactly this log, and left there for the apply that usually follows). Changes nothing in the database.
    /// </summary>
    public static async Task<RescoreDiff> PreviewAsync(GamifyDbContext db, RuleSet current, RuleSet proposed, TimeZoneInfo zone,
        StandingsCache? standings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var log = await LoadLogAsync(db, cancellationToken);
        var input = ReplayInput.Of(log.Events, log.Items);
        var beforeReplay = Standings(standings?.Find(current, zone, input), current, log, zone, cancellationToken);
        var after = await Task.Run(() => ScoreReplay.Run(proposed, log.Events, log.Items, zone, null, keepScores: false, cancellationToken),
            cancellationToken);
        var before = await beforeReplay;
        standings?.Remember(current, zone, input, before);
        return RescorePreview.Compare(before, after);
    }

    /// <summary>Where everyone stands under <paramref name="rules"/>: <paramref name="known"/> when given, else a replay on the
    /// thread pool that keeps standings only.</summary>
    private static Task<ReplayResult> Standings(ReplayResult? known, RuleSet rules,
        (List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<EventMeta> Meta) log, TimeZoneInfo zone,
        CancellationToken cancellationToken) =>
        known is not null
            ? Task.FromResult(known)
            : Task.Run(() => ScoreReplay.Run(rules, log.Events, log.Items, zone, null, keepScores: false, cancellationToken),
                CancellationToken.None);

    private const int ChunkSize = 4096;

    /// <summary>
    /// The proposed rules' replay, its scores handed to <paramref name="chunks"/> in log order as they come. Stops early once
    /// <paramref name="stop"/> is cancelled (the writing side failed).
    /// </summary>
    private static ReplayResult ReplayProposed(RuleSet proposed,
        (List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<EventMeta> Meta) log, TimeZoneInfo zone,
        ChannelWriter<EventScore[]> chunks, List<(Guid EmployeeId, byte[] Data)> snapshots, CancellationToken stop)
    {
        try
        {
            var chunk = new List<EventScore>(ChunkSize);
            // Scores are not kept in the result: once written they can go (the diff needs only the standings).
            var after = ScoreReplay.Run(proposed, log.Events, log.Items, zone, score =>
            {
                chunk.Add(score);
                if (chunk.Count == ChunkSize)
                {
                    chunks.TryWrite([.. chunk]);
                    chunk.Clear();
                }
            }, keepScores: false, stop, ledger => snapshots.Add((ledger.EmployeeId, ledger.ToSnapshot())));
            if (chunk.Count > 0)
            {
                chunks.TryWrite([.. chunk]);
            }

            chunks.Complete();
            return after;
        }
        catch (Exception ex)
        {
            chunks.TryComplete(ex);
            throw;
        }
    }

    /// <summary>Where each replayed event sits in the log: what its award lines and flags must carry.</summary>
    public readonly record struct EventMeta(long Seq, Guid EventId, Guid EmployeeId, Guid? FeedbackId, DateTime OccurredAt);

    /// <summary>
    /// Writes the replay's award lines and flags with prepared statements on an open connection inside
    /// <paramref name="transaction"/>. <paramref name="meta"/> and <paramref name="scores"/> are parallel (log order).
    /// </summary>
    public static (int Lines, int Flags) WriteScores(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<EventMeta> meta, IReadOnlyList<EventScore> scores)
    {
        if (meta.Count != scores.Count)
        {
            throw new InvalidOperationException($"The replay scored {scores.Count} events, the log has {meta.Count}.");
        }

        using var award = connection.CreateCommand();
        award.Transaction = transaction;
        award.CommandText = """
            INSERT INTO "Awards" ("EventSeq", "EventId", "EmployeeId", "DepartmentId", "FeedbackId", "Points", "Category", "RuleId", "RuleVersion", "Reason", "OccurredAt")
            VALUES ($seq, $event, $employee, $department, $feedback, $points, $category, $rule, $version, $reason, $at)
            """;
        var seq = award.Parameters.Add("$seq", SqliteType.Integer);
        var eventId = award.Parameters.Add("$event", SqliteType.Text);
        var employee = award.Parameters.Add("$employee", SqliteType.Text);
        var department = award.Parameters.Add("$department", SqliteType.Text);
        var feedback = award.Parameters.Add("$feedback", SqliteType.Text);
        var points = award.Parameters.Add("$points", SqliteType.Integer);
        var category = award.Parameters.Add("$category", SqliteType.Text);
        var rule = award.Parameters.Add("$rule", SqliteType.Text);
        var version = award.Parameters.Add("$version", SqliteType.Integer);
        var reason = award.Parameters.Add("$reason", SqliteType.Text);
        var at = award.Parameters.Add("$at", SqliteType.Text);
        award.Prepare();

        using var flag = connection.CreateCommand();
        flag.Transaction = transaction;
        flag.CommandText = """
            INSERT INTO "GamingFlags" ("EventId", "EmployeeId", "Flag", "OccurredAt") VALUES ($event, $employee, $flag, $at)
            """;
        var flagEvent = flag.Parameters.Add("$event", SqliteType.Text);
        var flagEmployee = flag.Parameters.Add("$employee", SqliteType.Text);
        var flagName = flag.Parameters.Add("$flag", SqliteType.Text);
        var flagAt = flag.Parameters.Add("$at", SqliteType.Text);
        flag.Prepare();

        int lines = 0, flags = 0;
        for (var i = 0; i < meta.Count; i++)
        {
            var m = meta[i];
            var score = scores[i];
            var eventText = GuidText(m.EventId);
            var atText = DateText(m.OccurredAt);
            foreach (var line in score.Awards)
            {
                seq.Value = m.Seq;
                eventId.Value = eventText;
                employee.Value = GuidText(line.EmployeeId);
                department.Value = GuidText(line.DepartmentId);
                feedback.Value = m.FeedbackId is { } f ? GuidText(f) : DBNull.Value;
                points.Value = line.Points;
                category.Value = line.Category.ToString();
                rule.Value = line.RuleId;
                version.Value = line.RuleVersion;
                reason.Value = line.Reason;
                at.Value = atText;
                award.ExecuteNonQuery();
                lines++;
            }

            foreach (var name in score.Flags)
            {
                flagEvent.Value = eventText;
                flagEmployee.Value = GuidText(m.EmployeeId);
                flagName.Value = name;
                flagAt.Value = atText;
                flag.ExecuteNonQuery();
                flags++;
            }
        }

        return (lines, flags);
    }

    /// <summary>
    /// Replaces every award line and flag with the replay's, fast, inside <paramref name="transaction"/> (see
    /// <see cref="BulkTables"/> and <see cref="AwardWriter"/>). Writes exactly the rows <see cref="WriteScores"/> writes, in
    /// the same order. <paramref name="meta"/> and <paramref name="scores"/> are parallel (log order).
    /// </summary>
    public static (int Lines, int Flags) WriteScoresBulk(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<EventMeta> meta, IReadOnlyList<EventScore> scores)
    {
        if (meta.Count != scores.Count)
        {
            throw new InvalidOperationException($"The replay scored {scores.Count} events, the log has {meta.Count}.");
        }

        using var tables = BulkTables.Empty(connection, transaction);
        (int Lines, int Flags) written;
        using (var writer = new AwardWriter(connection))
        {
            for (var i = 0; i < meta.Count; i++)
            {
                writer.Add(meta[i], scores[i]);
            }

            written = writer.Finish();
        }

        tables.RebuildIndexes();
        return written;
    }

    /// <summary>Times consecutive steps.</summary>
    private sealed class Phases
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private TimeSpan _last;
        private TimeSpan _lastCpu = Environment.CpuUsage.TotalTime;

        public List<RescorePhase> List { get; } = [];

        public void Done(string name)
        {
            var now = _clock.Elapsed;
            var cpu = Environment.CpuUsage.TotalTime;
            List.Add(new RescorePhase(name, now - _last, cpu - _lastCpu));
            _last = now;
            _lastCpu = cpu;
        }
    }

    private static void ExecuteSync(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The whole log for a replay, read inside the caller's transaction, with each event's place in it.</summary>
    public static Task<(List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<EventMeta> Meta)> LoadLogAsync(
        GamifyDbContext db, CancellationToken cancellationToken) => LoadLogAsync(db, secondReader: false, cancellationToken);

    /// <param name="secondReader">See <see cref="RawLog.TryLoad"/>.</param>
    private static async Task<(List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<EventMeta> Meta)> LoadLogAsync(
        GamifyDbContext db, bool secondReader, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            secondReader &= File.Exists(connection.DataSource);
            if (RawLog.TryLoad(connection, secondReader, cancellationToken) is { } log)
            {
                await KeepRewardLines(db, log.Events, log.Meta, cancellationToken);
                return log;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var loaded = await LoadLogWithEfCoreAsync(db, cancellationToken);
        await KeepRewardLines(db, loaded.Events, loaded.Meta, cancellationToken);
        return loaded;
    }

    /// <summary>
    /// Challenge rewards are no rule's decision: their stored lines are replayed as they are (<see cref="ReplayEvent.Fixed"/>),
    /// so applying new rules neither drops nor changes a reward.
    /// </summary>
    private static async Task KeepRewardLines(GamifyDbContext db, List<ReplayEvent> events, List<EventMeta> meta,
        CancellationToken cancellationToken)
    {
        var rewardSeqs = new List<long>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Action == ActionType.Reward)
            {
                rewardSeqs.Add(meta[i].Seq);
            }
        }

        if (rewardSeqs.Count == 0)
        {
            return;
        }

        var lines = (await db.Awards.AsNoTracking().Where(a => rewardSeqs.Contains(a.EventSeq)).OrderBy(a => a.Id)
                .Select(a => new { a.EventSeq, a.EmployeeId, a.DepartmentId, a.Points, a.Category, a.RuleId, a.RuleVersion, a.Reason })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.EventSeq, a => new AwardLine(a.EmployeeId, a.DepartmentId, a.Points, a.Category, a.RuleId, a.RuleVersion, a.Reason));
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Action == ActionType.Reward)
            {
                events[i] = events[i] with { Fixed = [.. lines[meta[i].Seq]] };
            }
        }
    }

    /// <summary>The log through EF Core: the reference <see cref="LoadLogAsync"/> falls back to for values not in EF Core's canonical form.</summary>
    internal static async Task<(List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<EventMeta> Meta)> LoadLogWithEfCoreAsync(
        GamifyDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Events.AsNoTracking().OrderBy(e => e.Seq)
            .Select(e => new { e.Seq, e.EventId, e.EmployeeId, e.DepartmentId, e.Type, e.OccurredAt, e.Source, e.FeedbackId, e.TargetDepartmentId, e.DwellSeconds })
            .ToListAsync(cancellationToken);
        var routings = (await db.FeedbackRoutings.AsNoTracking().Where(r => r.ForwardedByEventId == null)
                .OrderBy(r => r.RoutedAt).Select(r => new { r.FeedbackId, r.DepartmentId }).ToListAsync(cancellationToken))
            .ToLookup(r => r.FeedbackId, r => r.DepartmentId);
        var items = await db.FeedbackItems.AsNoTracking()
            .Select(f => new { f.Id, f.Channel, f.Sentiment, f.Priority, f.Language, f.ReceivedAt })
            .ToListAsync(cancellationToken);
        var events = new List<ReplayEvent>(rows.Count);
        var meta = new List<EventMeta>(rows.Count);
        foreach (var e in rows)
        {
            events.Add(new ReplayEvent(e.EventId, e.EmployeeId, e.DepartmentId, e.Type, Utc(e.OccurredAt), e.Source,
                e.FeedbackId, e.TargetDepartmentId, e.DwellSeconds));
            meta.Add(new EventMeta(e.Seq, e.EventId, e.EmployeeId, e.FeedbackId, e.OccurredAt));
        }

        return (events, items.ToDictionary(i => i.Id,
            i => new ItemProfile(i.Id, i.Channel, i.Sentiment, i.Priority, i.Language, Utc(i.ReceivedAt), [.. routings[i.Id]])), meta);
    }

    /// <summary>How EF Core's SQLite provider stores a Guid (upper-case TEXT), so raw rows match EF's queries.</summary>
    public static string GuidText(Guid value) => value.ToString("D").ToUpperInvariant();

    /// <summary>How EF Core's SQLite provider stores a DateTime.</summary>
    public static string DateText(DateTime value) => value.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture);

    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
