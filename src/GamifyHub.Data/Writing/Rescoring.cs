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
/// <param name="ProcessCpu">CPU time the whole process used meanwhile (all threads, so other work too): with
/// <paramref name="Elapsed"/> it tells waiting for the CPU or the disk from working.</param>
public readonly record struct RescorePhase(string Name, TimeSpan Elapsed, TimeSpan ProcessCpu);

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
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            using var settings = BulkSettings.Apply(connection);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var transaction = (SqliteTransaction)tx.GetDbTransaction();
            var version = (await db.RuleSets.MaxAsync(r => (int?)r.Version, cancellationToken) ?? 0) + 1;
            var rules = proposed with { Version = version };

            var log = await LoadLogAsync(db, cancellationToken);
            phases.Done("load log");

            // Both replays are pure and independent: the current rules' one (only needed for the diff) runs on another
            // core while the proposed rules are replayed and their award lines written.
            var beforeReplay = Task.Run(() => ScoreReplay.Run(current, log.Events, log.Items, zone), CancellationToken.None);
            var after = ScoreReplay.Run(rules, log.Events, log.Items, zone);
            phases.Done("replay proposed rules (current rules alongside)");

            var (lines, flags) = WriteScoresBulk(connection, transaction, log.Meta, after.Events, phases);

            var diff = RescorePreview.Compare(await beforeReplay, after);
            phases.Done("diff (after the current rules' replay)");
            db.RuleSets.Add(new RuleSetEntry { Version = version, Json = RuleSetFormat.Write(rules), CreatedAt = now, CreatedBy = actor });
            db.RuleChanges.Add(new RuleChange { Kind = RuleChange.Apply, Version = version, Actor = actor, At = now, Summary = Summary(diff) });
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            phases.Done("commit");
            return new RescoreApplied(rules, diff, lines, flags, phases.List);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
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
    /// Replaces every award line and flag with the replay's, fast, inside <paramref name="transaction"/>: drops the Awards
    /// and GamingFlags indexes, empties both tables, inserts through multi-row prepared statements on the raw handle, and
    /// recreates the indexes from their stored definitions (one sort per index instead of a million random B-tree inserts),
    /// with a larger page cache for the duration. Writes exactly the rows <see cref="WriteScores"/> writes, in the same order.
    /// </summary>
    public static (int Lines, int Flags) WriteScoresBulk(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<EventMeta> meta, IReadOnlyList<EventScore> scores) => WriteScoresBulk(connection, transaction, meta, scores, null);

    private static (int Lines, int Flags) WriteScoresBulk(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<EventMeta> meta, IReadOnlyList<EventScore> scores, Phases? phases)
    {
        if (meta.Count != scores.Count)
        {
            throw new InvalidOperationException($"The replay scored {scores.Count} events, the log has {meta.Count}.");
        }

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

            // With foreign keys off (see BulkSettings) and no triggers, SQLite truncates instead of deleting row by row.
            ExecuteSync(connection, transaction, "DELETE FROM \"Awards\"");
            ExecuteSync(connection, transaction, "DELETE FROM \"GamingFlags\"");
            phases?.Done("delete old awards");

            var written = InsertScores(connection, meta, scores);
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

    private const int AwardColumns = 11;

    // Rows per multi-row INSERT: one statement step per 64 lines (704 parameters, far below SQLite's limit).
    private const int RowsPerStatement = 64;

    private static string AwardInsert(int rows) =>
        """INSERT INTO "Awards" ("EventSeq", "EventId", "EmployeeId", "DepartmentId", "FeedbackId", "Points", "Category", "RuleId", "RuleVersion", "Reason", "OccurredAt") VALUES """
        + string.Join(", ", Enumerable.Repeat("(" + string.Join(", ", Enumerable.Repeat("?", AwardColumns)) + ")", rows));

    /// <summary>The rows of <see cref="WriteScores"/>, same values, same order, as UTF-8 bound on the raw handle.</summary>
    private static (int Lines, int Flags) InsertScores(SqliteConnection connection, IReadOnlyList<EventMeta> meta, IReadOnlyList<EventScore> scores)
    {
        var total = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            total += scores[i].Awards.Count;
        }

        // Full statements first; the last total % RowsPerStatement lines go one by one.
        var inBatches = total - total % RowsPerStatement;
        using var many = new RawStatement(connection, AwardInsert(RowsPerStatement));
        using var one = new RawStatement(connection, AwardInsert(1));
        using var flag = new RawStatement(connection,
            """INSERT INTO "GamingFlags" ("EventId", "EmployeeId", "Flag", "OccurredAt") VALUES (?, ?, ?, ?)""");
        var texts = new Utf8Texts();
        Span<byte> eventText = stackalloc byte[36];
        Span<byte> feedbackText = stackalloc byte[36];
        Span<byte> atBuffer = stackalloc byte[40];
        int lines = 0, flags = 0, row = 0;
        for (var i = 0; i < meta.Count; i++)
        {
            var m = meta[i];
            var score = scores[i];
            if (score.Awards.Count == 0 && score.Flags.Count == 0)
            {
                continue;
            }

            // Formatted once per event, not per line.
            Utf8Texts.FormatGuid(m.EventId, eventText);
            var hasFeedback = m.FeedbackId.HasValue;
            if (hasFeedback)
            {
                Utf8Texts.FormatGuid(m.FeedbackId!.Value, feedbackText);
            }

            var at = Utf8Texts.FormatDate(m.OccurredAt, atBuffer);
            foreach (var line in score.Awards)
            {
                var batched = lines < inBatches;
                var statement = batched ? many : one;
                var p = (batched ? row : 0) * AwardColumns;
                statement.Bind(p + 1, m.Seq);
                statement.Bind(p + 2, eventText);
                statement.Bind(p + 3, texts.Guid(line.EmployeeId));
                statement.Bind(p + 4, texts.Guid(line.DepartmentId));
                if (hasFeedback)
                {
                    statement.Bind(p + 5, feedbackText);
                }
                else
                {
                    statement.BindNull(p + 5);
                }

                statement.Bind(p + 6, line.Points);
                statement.Bind(p + 7, texts.Category(line.Category));
                statement.Bind(p + 8, texts.String(line.RuleId));
                statement.Bind(p + 9, line.RuleVersion);
                statement.Bind(p + 10, texts.String(line.Reason));
                statement.Bind(p + 11, at);
                lines++;
                if (!batched)
                {
                    one.Execute();
                }
                else if (++row == RowsPerStatement)
                {
                    many.Execute();
                    row = 0;
                }
            }

            foreach (var name in score.Flags)
            {
                flag.Bind(1, eventText);
                flag.Bind(2, texts.Guid(m.EmployeeId));
                flag.Bind(3, texts.String(name));
                flag.Bind(4, at);
                flag.Execute();
                flags++;
            }
        }

        return (lines, flags);
    }

    /// <summary>UTF-8 texts as EF Core stores the values, each distinct employee, department, rule id and reason encoded once.</summary>
    private sealed class Utf8Texts
    {
        private const int MaxCached = 100_000;
        private readonly Dictionary<Guid, byte[]> _guids = [];
        private readonly Dictionary<string, byte[]> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<PointCategory, byte[]> _categories = [];

        public byte[] Guid(Guid value)
        {
            if (!_guids.TryGetValue(value, out var bytes))
            {
                bytes = new byte[36];
                FormatGuid(value, bytes);
                if (_guids.Count < MaxCached)
                {
                    _guids.Add(value, bytes);
                }
            }

            return bytes;
        }

        public byte[] String(string value)
        {
            if (!_strings.TryGetValue(value, out var bytes))
            {
                bytes = System.Text.Encoding.UTF8.GetBytes(value);
                if (_strings.Count < MaxCached)
                {
                    _strings.Add(value, bytes);
                }
            }

            return bytes;
        }

        public byte[] Category(PointCategory value)
        {
            if (!_categories.TryGetValue(value, out var bytes))
            {
                _categories[value] = bytes = System.Text.Encoding.UTF8.GetBytes(value.ToString());
            }

            return bytes;
        }

        /// <summary><see cref="GuidText"/> in UTF-8.</summary>
        public static void FormatGuid(Guid value, Span<byte> into)
        {
            value.TryFormat(into, out _, "D");
            for (var i = 0; i < 36; i++)
            {
                if (into[i] is >= (byte)'a' and <= (byte)'f')
                {
                    into[i] -= 'a' - 'A';
                }
            }
        }

        /// <summary><see cref="DateText"/> in UTF-8.</summary>
        public static ReadOnlySpan<byte> FormatDate(DateTime value, Span<byte> into)
        {
            value.TryFormat(into, out var written, DateFormat, System.Globalization.CultureInfo.InvariantCulture);
            return into[..written];
        }
    }

    /// <summary>
    /// Connection settings for one rescore, set before its transaction begins (SQLite ignores or refuses them inside one)
    /// and put back afterwards. Foreign keys off: the award lines are derived from the very log read inside the same
    /// transaction, so none can dangle, and without a foreign key to check SQLite empties Awards by truncation instead of a
    /// million row deletes (each updating five indexes). temp_store in memory and a helper thread for the index sorts.
    /// </summary>
    private sealed class BulkSettings : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly long _foreignKeys;
        private readonly long _tempStore;
        private readonly long _threads;

        private BulkSettings(SqliteConnection connection)
        {
            _connection = connection;
            _foreignKeys = Pragma("foreign_keys");
            _tempStore = Pragma("temp_store");
            _threads = Pragma("threads");
        }

        public static BulkSettings Apply(SqliteConnection connection)
        {
            var settings = new BulkSettings(connection);
            settings.Set("foreign_keys", 0);
            settings.Set("temp_store", 2);
            settings.Set("threads", 2);
            return settings;
        }

        public void Dispose()
        {
            Set("foreign_keys", _foreignKeys);
            Set("temp_store", _tempStore);
            Set("threads", _threads);
        }

        private long Pragma(string name)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        private void Set(string name, long value)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"PRAGMA {name} = {value}";
            command.ExecuteNonQuery();
        }
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
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (RawLog.TryLoad((SqliteConnection)db.Database.GetDbConnection(), cancellationToken) is { } log)
            {
                return log;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return await LoadLogWithEfCoreAsync(db, cancellationToken);
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
