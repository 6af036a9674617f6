using GamifyHub.Domain.Scoring;
using Microsoft.Data.Sqlite;

namespace GamifyHub.Data.Writing;

// How rescoring stores a replay's award lines and flags: in place (AwardRewriter) or in bulk (BulkTables, AwardWriter).
public static partial class Rescoring
{
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
    /// each event's id, item and time once per event. The event writer stores a new event's lines and flags through it too
    /// (see <see cref="EventRows"/>), so both write the very same rows.
    /// </summary>
    internal sealed class AwardWriter : IDisposable
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
    internal sealed class Utf8Texts
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
}
