using System.Text;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using Microsoft.Data.Sqlite;

namespace GamifyHub.Data.Writing;

/// <summary>
/// Reads the whole event log for a replay straight from the connection's SQLite handle: a million rows in about a second
/// instead of several through EF Core's materializer. It accepts only values in the exact form EF Core writes them
/// (upper- or lower-case "D" GUIDs, "yyyy-MM-dd HH:mm:ss.FFFFFFF" dates, enum names); on anything else it gives up and
/// the caller reads through EF Core, so both paths always yield the same log.
/// </summary>
internal static class RawLog
{
    private static readonly (byte[] Name, ActionType Value)[] ActionNames = Names<ActionType>();
    private static readonly (byte[] Name, Sentiment Value)[] SentimentNames = Names<Sentiment>();
    private static readonly (byte[] Name, Priority Value)[] PriorityNames = Names<Priority>();

    /// <summary>The log in commit order with its item profiles, or null when a value is not in EF Core's canonical form.</summary>
    /// <param name="secondReader">The caller holds the write lock and has written nothing in its transaction, and the database
    /// is a file: a second connection may read half of the log.</param>
    public static (List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<Rescoring.EventMeta> Meta)? TryLoad(
        SqliteConnection connection, bool secondReader, CancellationToken cancellationToken)
    {
        var strings = new Interner();

        // The same SQL as the EF Core query it replaces, so ties on RoutedAt come back in the same order.
        var routed = new Dictionary<Guid, List<Guid>>();
        using (var routings = new RawStatement(connection, """
                   SELECT "f"."FeedbackId", "f"."DepartmentId"
                   FROM "FeedbackRoutings" AS "f"
                   WHERE "f"."ForwardedByEventId" IS NULL
                   ORDER BY "f"."RoutedAt"
                   """))
        {
            while (routings.Step())
            {
                if (!TryGuid(routings.Bytes(0), out var item) || !TryGuid(routings.Bytes(1), out var department))
                {
                    return null;
                }

                if (!routed.TryGetValue(item, out var list))
                {
                    routed[item] = list = new List<Guid>(1);
                }

                list.Add(department);
            }
        }

        var items = new Dictionary<Guid, ItemProfile>();
        using (var rows = new RawStatement(connection, """
                   SELECT "f"."Id", "f"."Channel", "f"."Sentiment", "f"."Priority", "f"."Language", "f"."ReceivedAt"
                   FROM "FeedbackItems" AS "f"
                   """))
        {
            while (rows.Step())
            {
                if (!TryGuid(rows.Bytes(0), out var id) || rows.IsNull(1) || rows.IsNull(4)
                    || !TryName(SentimentNames, rows.Bytes(2), out var sentiment) || !TryName(PriorityNames, rows.Bytes(3), out var priority)
                    || !TryDate(rows.Bytes(5), out var received))
                {
                    return null;
                }

                IReadOnlyList<Guid> departments = routed.TryGetValue(id, out var list) ? [.. list] : [];
                items.Add(id, new ItemProfile(id, strings.Get(rows.Bytes(1)), sentiment, priority, strings.Get(rows.Bytes(4)),
                    Utc(received), departments));
            }
        }

        // Capacity: the highest sequence number is an index lookup and bounds the count (COUNT(*) would scan).
        var count = 0;
        using (var max = new RawStatement(connection, """SELECT MAX("Seq") FROM "Events" """))
        {
            if (max.Step() && !max.IsNull(0))
            {
                count = (int)Math.Clamp(max.Int64(0), 0, 1 << 26);
            }
        }

        // With the write lock held and nothing written yet, a second connection sees exactly this transaction's data: the
        // later half of the log is read there, on the other core, meanwhile.
        (List<ReplayEvent> Events, List<Rescoring.EventMeta> Meta)? first, second = null;
        if (secondReader && count >= 20_000)
        {
            var half = count / 2;
            var later = Task.Run(() =>
            {
                using var helper = new SqliteConnection(connection.ConnectionString);
                helper.Open();
                return ReadEvents(helper, half, long.MaxValue, count - half, cancellationToken);
            }, cancellationToken);
            first = ReadEvents(connection, long.MinValue, half, half, cancellationToken);
            try
            {
                second = later.GetAwaiter().GetResult();
            }
            catch (SqliteException)
            {
                // The extra reader could not read (say, busy): this connection reads that half too.
                second = ReadEvents(connection, half, long.MaxValue, count - half, cancellationToken);
            }

            if (first is null || second is null)
            {
                return null;
            }

            first.Value.Events.AddRange(second.Value.Events);
            first.Value.Meta.AddRange(second.Value.Meta);
        }
        else
        {
            first = ReadEvents(connection, long.MinValue, long.MaxValue, count, cancellationToken);
        }

        return first is { } log ? (log.Events, items, log.Meta) : null;
    }

    /// <summary>Events with <paramref name="after"/> &lt; Seq &lt;= <paramref name="upTo"/> in commit order, or null for a value not in canonical form.</summary>
    private static (List<ReplayEvent> Events, List<Rescoring.EventMeta> Meta)? ReadEvents(SqliteConnection connection, long after, long upTo,
        int capacity, CancellationToken cancellationToken)
    {
        var strings = new Interner();
        var events = new List<ReplayEvent>(capacity);
        var meta = new List<Rescoring.EventMeta>(capacity);
        using var log = new RawStatement(connection, $"""
            SELECT "e"."Seq", "e"."EventId", "e"."EmployeeId", "e"."DepartmentId", "e"."Type", "e"."OccurredAt", "e"."Source",
                   "e"."FeedbackId", "e"."TargetDepartmentId", "e"."DwellSeconds"
            FROM "Events" AS "e"
            WHERE "e"."Seq" > {after} AND "e"."Seq" <= {upTo}
            ORDER BY "e"."Seq"
            """);
        while (log.Step())
        {
            if ((events.Count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Guid? feedback = null, target = null;
            if (!TryGuid(log.Bytes(1), out var eventId) || !TryGuid(log.Bytes(2), out var employee)
                || !TryGuid(log.Bytes(3), out var department) || !TryName(ActionNames, log.Bytes(4), out var type)
                || !TryDate(log.Bytes(5), out var occurredAt) || log.IsNull(6)
                || (!log.IsNull(7) && !TryOptionalGuid(log.Bytes(7), out feedback))
                || (!log.IsNull(8) && !TryOptionalGuid(log.Bytes(8), out target)))
            {
                return null;
            }

            var seq = log.Int64(0);
            int? dwell = log.IsNull(9) ? null : checked((int)log.Int64(9));
            events.Add(new ReplayEvent(eventId, employee, department, type, Utc(occurredAt), strings.Get(log.Bytes(6)), feedback, target, dwell));
            meta.Add(new Rescoring.EventMeta(seq, eventId, employee, feedback, occurredAt));
        }

        return (events, meta);
    }

    /// <summary>A "D" GUID (36 hex digits and dashes, either case), read as Guid.ParseExact(text, "D") reads it.</summary>
    internal static bool TryGuid(ReadOnlySpan<byte> utf8, out Guid value)
    {
        value = default;
        if (utf8.Length != 36 || utf8[8] != '-' || utf8[13] != '-' || utf8[18] != '-' || utf8[23] != '-')
        {
            return false;
        }

        // The text is the GUID's fields in order, most significant digit first: a (8 digits), b (4), c (4), then 8 bytes.
        if (!Hex(utf8[..8], out var a) || !Hex(utf8.Slice(9, 4), out var b) || !Hex(utf8.Slice(14, 4), out var c)
            || !Hex(utf8.Slice(19, 4), out var d) || !Hex(utf8.Slice(24, 12), out var e))
        {
            return false;
        }

        value = new Guid((uint)a, (ushort)b, (ushort)c, (byte)(d >> 8), (byte)d, (byte)(e >> 40), (byte)(e >> 32), (byte)(e >> 24),
            (byte)(e >> 16), (byte)(e >> 8), (byte)e);
        return true;
    }

    private static bool Hex(ReadOnlySpan<byte> utf8, out ulong value)
    {
        value = 0;
        foreach (var b in utf8)
        {
            int digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | (uint)digit;
        }

        return true;
    }

    private static bool TryOptionalGuid(ReadOnlySpan<byte> utf8, out Guid? value)
    {
        var ok = TryGuid(utf8, out var guid);
        value = guid;
        return ok;
    }

    /// <summary>
    /// "yyyy-MM-dd HH:mm:ss" with an optional fraction of 1–7 digits, as EF Core writes a DateTime; read as
    /// DateTime.Parse reads it (kind Unspecified).
    /// </summary>
    internal static bool TryDate(ReadOnlySpan<byte> utf8, out DateTime value)
    {
        value = default;
        if (utf8.Length < 19 || utf8.Length == 20 || utf8.Length > 27 || utf8[4] != '-' || utf8[7] != '-' || utf8[10] != ' '
            || utf8[13] != ':' || utf8[16] != ':' || (utf8.Length > 19 && utf8[19] != '.'))
        {
            return false;
        }

        if (!Digits(utf8[..4], out var year) || !Digits(utf8.Slice(5, 2), out var month) || !Digits(utf8.Slice(8, 2), out var day)
            || !Digits(utf8.Slice(11, 2), out var hour) || !Digits(utf8.Slice(14, 2), out var minute)
            || !Digits(utf8.Slice(17, 2), out var second))
        {
            return false;
        }

        var fraction = 0;
        if (utf8.Length > 19)
        {
            var digits = utf8[20..];
            if (!Digits(digits, out fraction))
            {
                return false;
            }

            for (var i = digits.Length; i < 7; i++)
            {
                fraction *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> utf8, out int value)
    {
        value = 0;
        foreach (var b in utf8)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = value * 10 + (b - '0');
        }

        return true;
    }

    private static bool TryName<T>((byte[] Name, T Value)[] names, ReadOnlySpan<byte> utf8, out T value)
    {
        foreach (var (name, v) in names)
        {
            if (utf8.SequenceEqual(name))
            {
                value = v;
                return true;
            }
        }

        value = default!;
        return false;
    }

    private static (byte[], T)[] Names<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => (Encoding.UTF8.GetBytes(v.ToString()), v))];

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>One string instance per distinct short value (sources, channels, languages): a handful across the whole log.</summary>
    private sealed class Interner
    {
        private readonly List<(byte[] Bytes, string Text)> _known = [];

        public string Get(ReadOnlySpan<byte> utf8)
        {
            foreach (var (bytes, text) in _known)
            {
                if (utf8.SequenceEqual(bytes))
                {
                    return text;
                }
            }

            var value = Encoding.UTF8.GetString(utf8);
            if (_known.Count < 64)
            {
                _known.Add((utf8.ToArray(), value));
            }

            return value;
        }
    }
}
