using System.Text.Json;
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
public readonly record struct RescorePhase(string Name, TimeSpan Elapsed);

/// <summary>
/// Rescoring: replays the whole event log under a proposed rule set and, in one transaction, replaces the award lines and
/// anti-gaming flags with the replay's, stores the rule set as a new version and audits it. Meant to run through
/// <see cref="EngagementWriter.ExclusiveAsync{T}"/>, so no event commits between reading the log and replacing its awards.
/// </summary>
public static class Rescoring
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

    public static async Task<RescoreApplied> ApplyAsync(GamifyDbContext db, RuleSet current, RuleSet proposed, string actor,
        DateTime now, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var phases = new Phases();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = (await db.RuleSets.MaxAsync(r => (int?)r.Version, cancellationToken) ?? 0) + 1;
        var rules = proposed with { Version = version };

        var log = await LoadLogAsync(db, cancellationToken);
        phases.Done("load log");
        var before = ScoreReplay.Run(current, log.Events, log.Items, zone);
        phases.Done("replay current rules");
        var after = ScoreReplay.Run(rules, log.Events, log.Items, zone);
        phases.Done("replay proposed rules");
        var diff = RescorePreview.Compare(before, after);
        phases.Done("diff");

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction)tx.GetDbTransaction();
        await Execute(connection, transaction, "DELETE FROM \"Awards\"", cancellationToken);
        await Execute(connection, transaction, "DELETE FROM \"GamingFlags\"", cancellationToken);
        phases.Done("delete old awards");
        var (lines, flags) = WriteScoresBulk(connection, transaction, log.Meta, after.Events, phases);

        db.RuleSets.Add(new RuleSetEntry { Version = version, Json = RuleSetFormat.Write(rules), CreatedAt = now, CreatedBy = actor });
        db.RuleChanges.Add(new RuleChange { Kind = RuleChange.Apply, Version = version, Actor = actor, At = now, Summary = Summary(diff) });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        phases.Done("commit");
        return new RescoreApplied(rules, diff, lines, flags, phases.List);
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
    /// <see cref="WriteScores"/> into emptied tables, fast: drops the Awards and GamingFlags indexes, inserts, and recreates
    /// them from their stored definitions (one sort per index instead of a million random B-tree inserts), all inside
    /// <paramref name="transaction"/>, with a larger page cache for the duration.
    /// </summary>
    public static (int Lines, int Flags) WriteScoresBulk(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<EventMeta> meta, IReadOnlyList<EventScore> scores) => WriteScoresBulk(connection, transaction, meta, scores, null);

    private static (int Lines, int Flags) WriteScoresBulk(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<EventMeta> meta, IReadOnlyList<EventScore> scores, Phases? phases)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Awards', 'GamingFlags') AND sql IS NOT NULL";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        long cacheSize;
        using (var pragma = connection.CreateCommand())
        {
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size";
            cacheSize = (long)pragma.ExecuteScalar()!;
            pragma.CommandText = "PRAGMA cache_size = -262144"; // 256 MB while the indexes are rebuilt
            pragma.ExecuteNonQuery();
        }

        try
        {
            foreach (var (name, _) in indexes)
            {
                ExecuteSync(connection, transaction, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            }

            var written = WriteScores(connection, transaction, meta, scores);
            phases?.Done("insert award lines and flags");
            foreach (var (_, sql) in indexes)
            {
                ExecuteSync(connection, transaction, sql);
            }

            phases?.Done("rebuild indexes");
            return written;
        }
        finally
        {
            ExecuteSync(connection, transaction, $"PRAGMA cache_size = {cacheSize}");
        }
    }

    /// <summary>Times consecutive steps.</summary>
    private sealed class Phases
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private TimeSpan _last;

        public List<RescorePhase> List { get; } = [];

        public void Done(string name)
        {
            var now = _clock.Elapsed;
            List.Add(new RescorePhase(name, now - _last));
            _last = now;
        }
    }

    private static void ExecuteSync(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The whole log for a replay, read inside the caller's transaction, with each event's place in it.</summary>
    public static async Task<(List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<EventMeta> Meta)> LoadLogAsync(
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
    public static string DateText(DateTime value) =>
        value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static async Task Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
