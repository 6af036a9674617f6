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

            // The transaction began IMMEDIATE (the write lock) and has written nothing yet.
            var log = await LoadLogAsync(db, secondReader: true, cancellationToken);
            phases.Done("load log");

            // Three things at once on the thread pool: the proposed rules' replay hands its scores over in chunks as it goes
            // and this thread rewrites the award lines from them, while the current rules are replayed beside (only the
            // diff needs that one). The replays are pure; only this thread touches the database.
            var chunks = Channel.CreateUnbounded<EventScore[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            using var stop = new CancellationTokenSource();
            var afterReplay = Task.Run(() => ReplayProposed(rules, log, zone, chunks.Writer, stop.Token), CancellationToken.None);
            var beforeReplay = Task.Run(() => ScoreReplay.Run(current, log.Events, log.Items, zone, null, keepScores: false, stop.Token),
                CancellationToken.None);
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
            db.RuleSets.Add(new RuleSetEntry { Version = version, Json = RuleSetFormat.Write(rules), CreatedAt = now, CreatedBy = actor });
            db.RuleChanges.Add(new RuleChange { Kind = RuleChange.Apply, Version = version, Actor = actor, At = now, Summary = Summary(diff) });
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            phases.Done("commit");

            // What SQLite's auto-checkpoint would have done inside the commit (turned off above to time it apart): copy the
            // transaction's pages from the write-ahead log into the database file.
            ExecuteSync(connection, null, "PRAGMA wal_checkpoint(PASSIVE)");
            phases.Done("checkpoint");
            return new RescoreApplied(rules, diff, written.Lines, written.Flags, phases.List);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private const int ChunkSize = 4096;

    /// <summary>
    /// The proposed rules' replay, its scores handed to <paramref name="chunks"/> in log order as they come. Stops early once
    /// <paramref name="stop"/> is cancelled (the writing side failed).
    /// </summary>
    private static ReplayResult ReplayProposed(RuleSet proposed,
        (List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<EventMeta> Meta) log, TimeZoneInfo zone,
        ChannelWriter<EventScore[]> chunks, CancellationToken stop)
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
            }, keepScores: false, stop);
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

    /// <summary>
    /// Awards and GamingFlags emptied for a bulk insert: their indexes dropped (recreated afterwards from their stored
    /// definitions: one sort per index instead of a million random B-tree inserts, which cost several times more), both
    /// tables emptied, and a larger page cache for the index sorts. All inside the caller's transaction, so a failure
    /// rolls every bit of it back.
    /// </summary>
    private sealed class BulkTables : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly List<(string Name, string Sql)> _indexes = [];
        private readonly long _cacheSize;

        private BulkTables(SqliteConnection connection, SqliteTransaction transaction)
        {
            _connection = connection;
            _transaction = transaction;
            using (var list = connection.CreateCommand())
            {
                list.Transaction = transaction;
                list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Awards', 'GamingFlags') AND sql IS NOT NULL";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    _indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            using var pragma = connection.CreateCommand();
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size";
            _cacheSize = (long)pragma.ExecuteScalar()!;
        }

        public static BulkTables Empty(SqliteConnection connection, SqliteTransaction transaction)
        {
            var tables = new BulkTables(connection, transaction);
            tables.Execute("PRAGMA cache_size = -262144"); // 256 MB while the indexes are rebuilt
            foreach (var (name, _) in tables._indexes)
            {
                tables.Execute($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            }

            // With foreign keys off (see BulkSettings) and no triggers, SQLite truncates instead of deleting row by row.
            tables.Execute("DELETE FROM \"Awards\"");
            tables.Execute("DELETE FROM \"GamingFlags\"");
            return tables;
        }

        public void RebuildIndexes()
        {
            foreach (var (_, sql) in _indexes)
            {
                Execute(sql);
            }
        }

        public void Dispose() => Execute($"PRAGMA cache_size = {_cacheSize}");

        private void Execute(string sql) => ExecuteSync(_connection, _transaction, sql);
    }

    private const int AwardColumns = 11;

    // Rows per multi-row INSERT: one statement step per 64 lines (704 parameters, far below SQLite's limit).
    private const int RowsPerStatement = 64;

    /// <summary>
    /// Inserts award lines and flags with the values and in the order <see cref="WriteScores"/> does, through multi-row
    /// statements on the raw handle with UTF-8 texts: each distinct employee, department, rule id and reason is encoded once,
    /// each event's id, item and time once per event.
    /// </summary>
    private sealed class AwardWriter : IDisposable
    {
        // Per pending row: its event's id, item id and time, copied here because the event's buffers move on.
        private const int EventBytes = 36 + 36 + 32;

        private readonly RawStatement _many;
        private readonly RawStatement _one;
        private readonly RawStatement _flag;
        private readonly Utf8Texts _texts = new();
        private readonly PendingRow[] _rows = new PendingRow[RowsPerStatement];
        private readonly byte[] _eventBytes = new byte[RowsPerStatement * EventBytes];
        private readonly byte[] _eventText = new byte[36];
        private readonly byte[] _feedbackText = new byte[36];
        private readonly byte[] _atText = new byte[32];
        private int _pending;
        private int _lines;
        private int _flags;

        public AwardWriter(SqliteConnection connection)
        {
            _many = new RawStatement(connection, AwardInsert(RowsPerStatement));
            _one = new RawStatement(connection, AwardInsert(1));
            _flag = new RawStatement(connection,
                """INSERT INTO "GamingFlags" ("EventId", "EmployeeId", "Flag", "OccurredAt") VALUES (?, ?, ?, ?)""");
        }

        public void Add(EventMeta meta, EventScore score)
        {
            if (score.Awards.Count == 0 && score.Flags.Count == 0)
            {
                return;
            }

            Utf8Texts.FormatGuid(meta.EventId, _eventText);
            if (meta.FeedbackId is { } feedback)
            {
                Utf8Texts.FormatGuid(feedback, _feedbackText);
            }

            var atLength = Utf8Texts.FormatDate(meta.OccurredAt, _atText);
            foreach (var line in score.Awards)
            {
                var slot = _eventBytes.AsSpan(_pending * EventBytes, EventBytes);
                _eventText.CopyTo(slot);
                _feedbackText.CopyTo(slot[36..]);
                _atText.AsSpan(0, atLength).CopyTo(slot[72..]);
                _rows[_pending] = new PendingRow(meta.Seq, meta.FeedbackId.HasValue, atLength, _texts.Guid(line.EmployeeId),
                    _texts.Guid(line.DepartmentId), line.Points, _texts.Category(line.Category), _texts.String(line.RuleId),
                    line.RuleVersion, _texts.String(line.Reason));
                if (++_pending == RowsPerStatement)
                {
                    for (var r = 0; r < RowsPerStatement; r++)
                    {
                        Bind(_many, r, r);
                    }

                    _many.Execute();
                    _pending = 0;
                }

                _lines++;
            }

            foreach (var name in score.Flags)
            {
                _flag.Bind(1, _eventText);
                _flag.Bind(2, _texts.Guid(meta.EmployeeId));
                _flag.Bind(3, _texts.String(name));
                _flag.Bind(4, _atText.AsSpan(0, atLength));
                _flag.Execute();
                _flags++;
            }
        }

        /// <summary>Inserts the lines still pending (fewer than a full statement) one by one.</summary>
        public (int Lines, int Flags) Finish()
        {
            for (var r = 0; r < _pending; r++)
            {
                Bind(_one, 0, r);
                _one.Execute();
            }

            _pending = 0;
            return (_lines, _flags);
        }

        public void Dispose()
        {
            _many.Dispose();
            _one.Dispose();
            _flag.Dispose();
        }

        private void Bind(RawStatement statement, int row, int pending)
        {
            var p = row * AwardColumns;
            var r = _rows[pending];
            var slot = _eventBytes.AsSpan(pending * EventBytes, EventBytes);
            statement.Bind(p + 1, r.Seq);
            statement.Bind(p + 2, slot[..36]);
            statement.Bind(p + 3, r.Employee);
            statement.Bind(p + 4, r.Department);
            if (r.HasFeedback)
            {
                statement.Bind(p + 5, slot.Slice(36, 36));
            }
            else
            {
                statement.BindNull(p + 5);
            }

            statement.Bind(p + 6, r.Points);
            statement.Bind(p + 7, r.Category);
            statement.Bind(p + 8, r.RuleId);
            statement.Bind(p + 9, r.RuleVersion);
            statement.Bind(p + 10, r.Reason);
            statement.Bind(p + 11, slot.Slice(72, r.AtLength));
        }

        internal static string AwardInsert(int rows) =>
            """INSERT INTO "Awards" ("EventSeq", "EventId", "EmployeeId", "DepartmentId", "FeedbackId", "Points", "Category", "RuleId", "RuleVersion", "Reason", "OccurredAt") VALUES """
            + string.Join(", ", Enumerable.Repeat("(" + string.Join(", ", Enumerable.Repeat("?", AwardColumns)) + ")", rows));

        private readonly record struct PendingRow(long Seq, bool HasFeedback, int AtLength, byte[] Employee, byte[] Department,
            long Points, byte[] Category, byte[] RuleId, long RuleVersion, byte[] Reason);
    }

    /// <summary>
    /// Rewrites Awards in place to hold exactly the lines <see cref="WriteScores"/> would write, inside the caller's
    /// transaction. A rule change mostly changes what a line says (points, rule version, reason), not which employee and
    /// department it is for, which event it belongs to or when it happened, and those are the only columns Awards is
    /// indexed on: so where the stored line at the same place of the same event holds exactly those values (the UPDATE
    /// checks them, byte for byte), its row is updated and no index is touched (a million such updates take about as long as inserting the rows, and dropping and rebuilding the
    /// indexes took several times that). Lines that differ are deleted and inserted, keeping each event's lines in their
    /// order by Id; past a few percent of those it drops the indexes and rebuilds them at the end, which is then cheaper.
    /// Flags are few: deleted and inserted.
    /// </summary>
    private sealed class AwardRewriter : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly List<OldLine> _old;
        private readonly int _rewriteBudget;
        private readonly long _cacheSize;
        private readonly RawStatement _update;
        private readonly RawStatement _insert;
        private readonly RawStatement _delete;
        private readonly RawStatement _flag;
        private readonly Utf8Texts _texts = new();
        private readonly byte[] _eventText = new byte[36];
        private readonly byte[] _feedbackText = new byte[36];
        private readonly byte[] _atText = new byte[32];
        private List<(string Name, string Sql)>? _dropped;
        private BoundValues _bound = new(-1, long.MinValue, null, null, long.MinValue, null, null, null);
        private int _nextOld;
        private int _rewrites;
        private int _lines;
        private int _flags;

        private AwardRewriter(SqliteConnection connection, SqliteTransaction transaction, List<OldLine> old, long cacheSize)
        {
            _connection = connection;
            _transaction = transaction;
            _old = old;
            _cacheSize = cacheSize;
            _rewriteBudget = Math.Max(10_000, old.Count / 20);
            // Sets only columns no index covers; changes nothing unless the row holds the line's indexed values already.
            _update = new RawStatement(connection, """
                UPDATE "Awards" SET "EventId" = ?1, "FeedbackId" = ?2, "Points" = ?3, "Category" = ?4, "RuleId" = ?5,
                                    "RuleVersion" = ?6, "Reason" = ?7
                WHERE "Id" = ?8 AND "EventSeq" = ?9 AND "EmployeeId" = ?10 AND "DepartmentId" = ?11 AND "OccurredAt" = ?12
                """);
            _insert = new RawStatement(connection, AwardWriter.AwardInsert(1));
            _delete = new RawStatement(connection, """DELETE FROM "Awards" WHERE "Id" = ?1""");
            _flag = new RawStatement(connection,
                """INSERT INTO "GamingFlags" ("EventId", "EmployeeId", "Flag", "OccurredAt") VALUES (?, ?, ?, ?)""");
        }

        /// <summary>True when so many lines changed employee, department or time that the indexes were dropped and rebuilt.</summary>
        public bool RebuiltIndexes => _dropped is not null;

        /// <summary>Reads where the stored lines are and empties GamingFlags.</summary>
        public static AwardRewriter Open(SqliteConnection connection, SqliteTransaction transaction)
        {
            // Where the stored lines are, by event in Id order: the index on EventSeq alone answers it.
            var old = new List<OldLine>();
            using (var read = new RawStatement(connection, """SELECT "Id", "EventSeq" FROM "Awards" ORDER BY "EventSeq", "Id" """))
            {
                while (read.Step())
                {
                    old.Add(new OldLine(read.Int64(0), read.Int64(1)));
                }
            }

            long cacheSize;
            using (var pragma = connection.CreateCommand())
            {
                pragma.Transaction = transaction;
                pragma.CommandText = "PRAGMA cache_size";
                cacheSize = (long)pragma.ExecuteScalar()!;
            }

            ExecuteSync(connection, transaction, "PRAGMA cache_size = -262144"); // 256 MB: the table and its indexes stay in memory
            ExecuteSync(connection, transaction, "DELETE FROM \"GamingFlags\"");
            var rewriter = new AwardRewriter(connection, transaction, old, cacheSize);
            if (old.Count == 0)
            {
                rewriter.DropIndexes(); // nothing to keep: every line is an insert
            }

            return rewriter;
        }

        public void Add(EventMeta meta, EventScore score)
        {
            // Stored lines of events before this one that the log no longer has (foreign keys rule that out): gone.
            while (_nextOld < _old.Count && _old[_nextOld].Seq < meta.Seq)
            {
                Delete(_old[_nextOld++].Id);
            }

            var first = _nextOld;
            while (_nextOld < _old.Count && _old[_nextOld].Seq == meta.Seq)
            {
                _nextOld++;
            }

            var stored = _nextOld - first;
            if (score.Awards.Count == 0 && score.Flags.Count == 0 && stored == 0)
            {
                return;
            }

            Utf8Texts.FormatGuid(meta.EventId, _eventText);
            if (meta.FeedbackId is { } feedback)
            {
                Utf8Texts.FormatGuid(feedback, _feedbackText);
            }

            var at = _atText.AsSpan(0, Utf8Texts.FormatDate(meta.OccurredAt, _atText));
            var kept = 0;
            for (var j = 0; j < score.Awards.Count; j++)
            {
                var line = score.Awards[j];
                // Updated in place while the stored lines agree, position by position; from the first that does not, the
                // rest are inserted after, so Id order within the event stays the lines' order.
                if (kept == j && j < stored && Update(_old[first + j].Id, meta, line, at))
                {
                    kept++;
                }
                else
                {
                    Insert(meta, line, at);
                }

                _lines++;
            }

            for (var j = kept; j < stored; j++)
            {
                Delete(_old[first + j].Id);
            }

            foreach (var name in score.Flags)
            {
                _flag.Bind(1, _eventText);
                _flag.Bind(2, _texts.Guid(meta.EmployeeId));
                _flag.Bind(3, _texts.String(name));
                _flag.Bind(4, at);
                _flag.Execute();
                _flags++;
            }
        }

        /// <summary>Deletes stored lines after the last event, rebuilds the indexes if they were dropped.</summary>
        public (int Lines, int Flags) Finish()
        {
            while (_nextOld < _old.Count)
            {
                Delete(_old[_nextOld++].Id);
            }

            foreach (var (_, sql) in _dropped ?? [])
            {
                ExecuteSync(_connection, _transaction, sql);
            }

            return (_lines, _flags);
        }

        public void Dispose()
        {
            _update.Dispose();
            _insert.Dispose();
            _delete.Dispose();
            _flag.Dispose();
            ExecuteSync(_connection, _transaction, $"PRAGMA cache_size = {_cacheSize}");
        }

        /// <summary>Updates the stored line <paramref name="id"/> to <paramref name="line"/> if it holds the line's indexed values.</summary>
        private bool Update(long id, EventMeta meta, AwardLine line, ReadOnlySpan<byte> at)
        {
            // SQLite keeps bindings from one execution to the next: values equal to the last ones bound (the event's for its
            // second line, the same rule and reason for most lines in a row) are not bound again.
            if (meta.Seq != _bound.Seq)
            {
                _update.Bind(1, _eventText);
                if (meta.FeedbackId.HasValue)
                {
                    _update.Bind(2, _feedbackText);
                }
                else
                {
                    _update.BindNull(2);
                }

                _update.Bind(9, meta.Seq);
                _update.Bind(12, at);
            }

            var category = _texts.Category(line.Category);
            var rule = _texts.String(line.RuleId);
            var reason = _texts.String(line.Reason);
            var employee = _texts.Guid(line.EmployeeId);
            var department = _texts.Guid(line.DepartmentId);
            BindIfOther(3, line.Points, _bound.Points);
            BindIfOther(4, category, _bound.Category);
            BindIfOther(5, rule, _bound.Rule);
            BindIfOther(6, line.RuleVersion, _bound.Version);
            BindIfOther(7, reason, _bound.Reason);
            _update.Bind(8, id);
            BindIfOther(10, employee, _bound.Employee);
            BindIfOther(11, department, _bound.Department);
            _bound = new BoundValues(meta.Seq, line.Points, category, rule, line.RuleVersion, reason, employee, department);
            _update.Execute();
            return _update.Changes() == 1;
        }

        private void BindIfOther(int index, long value, long bound)
        {
            if (value != bound)
            {
                _update.Bind(index, value);
            }
        }

        // The cached texts are one array per distinct value, so the same array means the same text.
        private void BindIfOther(int index, byte[] value, byte[]? bound)
        {
            if (!ReferenceEquals(value, bound))
            {
                _update.Bind(index, value);
            }
        }

        /// <summary>What the update statement has bound now (Seq −1 and nulls: nothing yet).</summary>
        private readonly record struct BoundValues(long Seq, long Points, byte[]? Category, byte[]? Rule, long Version, byte[]? Reason,
            byte[]? Employee, byte[]? Department);

        private void Insert(EventMeta meta, AwardLine line, ReadOnlySpan<byte> at)
        {
            Rewrote();
            _insert.Bind(1, meta.Seq);
            _insert.Bind(2, _eventText);
            _insert.Bind(3, _texts.Guid(line.EmployeeId));
            _insert.Bind(4, _texts.Guid(line.DepartmentId));
            if (meta.FeedbackId.HasValue)
            {
                _insert.Bind(5, _feedbackText);
            }
            else
            {
                _insert.BindNull(5);
            }

            _insert.Bind(6, line.Points);
            _insert.Bind(7, _texts.Category(line.Category));
            _insert.Bind(8, _texts.String(line.RuleId));
            _insert.Bind(9, line.RuleVersion);
            _insert.Bind(10, _texts.String(line.Reason));
            _insert.Bind(11, at);
            _insert.Execute();
        }

        private void Delete(long id)
        {
            Rewrote();
            _delete.Bind(1, id);
            _delete.Execute();
        }

        /// <summary>Each delete or insert updates every index at a random place; past the budget a rebuild is cheaper.</summary>
        private void Rewrote()
        {
            if (++_rewrites > _rewriteBudget && _dropped is null)
            {
                DropIndexes();
            }
        }

        private void DropIndexes()
        {
            _dropped = [];
            using (var list = _connection.CreateCommand())
            {
                list.Transaction = _transaction;
                list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Awards' AND sql IS NOT NULL";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    _dropped.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (name, _) in _dropped)
            {
                ExecuteSync(_connection, _transaction, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            }
        }

        private readonly record struct OldLine(long Id, long Seq);
    }

    /// <summary>UTF-8 texts as EF Core stores the values, each distinct employee, department, rule id and reason encoded once.</summary>
    private sealed class Utf8Texts
    {
        private const int MaxCached = 100_000;
        private readonly Dictionary<Guid, byte[]> _guids = [];
        private readonly Dictionary<string, byte[]> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<PointCategory, byte[]> _categories = [];
        private (string? Text, byte[] Bytes) _recent0 = (null, []);
        private (string? Text, byte[] Bytes) _recent1 = (null, []);

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
            // Most lines carry the very same rule id and reason instances as the line before: no hashing for those.
            if (ReferenceEquals(value, _recent0.Text))
            {
                return _recent0.Bytes;
            }

            if (ReferenceEquals(value, _recent1.Text))
            {
                return _recent1.Bytes;
            }

            var bytes = Lookup(value);
            _recent1 = _recent0;
            _recent0 = (value, bytes);
            return bytes;
        }

        private byte[] Lookup(string value)
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

        /// <summary>
        /// <see cref="DateText"/> in UTF-8 ("yyyy-MM-dd HH:mm:ss.FFFFFFF": the fraction without trailing zeros, and without its
        /// point when it is zero), written digit by digit: formatting through the culture machinery took a visible share of a
        /// million-event rescore. Returns the length.
        /// </summary>
        public static int FormatDate(DateTime value, Span<byte> into)
        {
            Digits(into[..4], value.Year);
            into[4] = (byte)'-';
            Digits(into.Slice(5, 2), value.Month);
            into[7] = (byte)'-';
            Digits(into.Slice(8, 2), value.Day);
            into[10] = (byte)' ';
            Digits(into.Slice(11, 2), value.Hour);
            into[13] = (byte)':';
            Digits(into.Slice(14, 2), value.Minute);
            into[16] = (byte)':';
            Digits(into.Slice(17, 2), value.Second);
            var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
            if (fraction == 0)
            {
                return 19;
            }

            into[19] = (byte)'.';
            Digits(into.Slice(20, 7), fraction);
            var length = 27;
            while (into[length - 1] == '0')
            {
                length--;
            }

            return length;
        }

        private static void Digits(Span<byte> into, int value)
        {
            for (var i = into.Length - 1; i >= 0; i--)
            {
                into[i] = (byte)('0' + value % 10);
                value /= 10;
            }
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
        private readonly long _autoCheckpoint;

        private BulkSettings(SqliteConnection connection)
        {
            _connection = connection;
            _foreignKeys = Pragma("foreign_keys");
            _tempStore = Pragma("temp_store");
            _threads = Pragma("threads");
            _autoCheckpoint = Pragma("wal_autocheckpoint");
        }

        public static BulkSettings Apply(SqliteConnection connection)
        {
            var settings = new BulkSettings(connection);
            settings.Set("foreign_keys", 0);
            settings.Set("temp_store", 2);
            settings.Set("threads", 2);
            settings.Set("wal_autocheckpoint", 0);
            return settings;
        }

        public void Dispose()
        {
            Set("foreign_keys", _foreignKeys);
            Set("temp_store", _tempStore);
            Set("threads", _threads);
            Set("wal_autocheckpoint", _autoCheckpoint);
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
