using System.Globalization;
using System.Text;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Analytics;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using Microsoft.Data.Sqlite;

namespace GamifyHub.Data.Reading;

/// <summary>
/// Builds the engagement ledger from the log in one streaming pass over items, routings and events, straight from the
/// connection's SQLite handle (no EF Core materializer, no change tracking): the start-up path of analytics, and the entry
/// point of the analytics bench. Values not in EF Core's canonical form are parsed the slow way, so nothing is skipped.
/// </summary>
public static class EngagementLedgerLoader
{
    private static readonly Dictionary<string, ActionType> Actions = Enum.GetValues<ActionType>().ToDictionary(v => v.ToString());
    private static readonly Dictionary<string, Priority> Priorities = Enum.GetValues<Priority>().ToDictionary(v => v.ToString());
    private static readonly Dictionary<string, Sentiment> Sentiments = Enum.GetValues<Sentiment>().ToDictionary(v => v.ToString());

    /// <summary>The ledger of the whole log in the database at <paramref name="connectionString"/>.</summary>
    public static Task<EngagementLedger> LoadAsync(string connectionString, CancellationToken cancellationToken = default) =>
        Task.Run(() => Load(connectionString, cancellationToken), cancellationToken);

    public static EngagementLedger Load(string connectionString, CancellationToken cancellationToken = default)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // A read transaction: items, routings and the first events are one snapshot of the log.
        using var tx = connection.BeginTransaction(deferred: true);
        // The highest sequence number is an index lookup and bounds the event count (COUNT(*) would scan).
        var count = 0L;
        using (var max = new RawStatement(connection, """SELECT MAX("Seq") FROM "Events" """))
        {
            if (max.Step() && !max.IsNull(0))
            {
                count = max.Int64(0);
            }
        }

        // The events, the bulk of the log, are read and parsed on two connections at once: the later two thirds by a helper from
        // the start, the first third here after the items and routings (applied as they are read), then the helper's in commit
        // order. The helper's own snapshot may be newer; what commits meanwhile also arrives through the live feed, and the ledger
        // applies every event, item and routing once.
        var split = count / 3;
        var later = count >= 20_000
            ? Task.Run(() =>
            {
                using var helper = new SqliteConnection(connectionString);
                helper.Open();
                using var helperTx = helper.BeginTransaction(deferred: true);
                return ReadEvents(helper, split, long.MaxValue, cancellationToken);
            }, cancellationToken)
            : null;

        var ledger = new EngagementLedger((int)Math.Clamp(count, 0, 1 << 26));
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);

        using (var items = new RawStatement(connection,
                   """SELECT "Id", "Channel", "Priority", "Sentiment", "ReceivedAt" FROM "FeedbackItems" """))
        {
            while (items.Step())
            {
                ledger.Add(new LedgerItem(Guid(items, 0), Intern(strings, items.Text(1)), Priorities[items.Text(2)],
                    Sentiments[items.Text(3)], Date(items, 4)));
            }
        }

        using (var routings = new RawStatement(connection,
                   """SELECT "FeedbackId", "DepartmentId", "RoutedAt", "ForwardedByEventId" IS NOT NULL FROM "FeedbackRoutings" """))
        {
            while (routings.Step())
            {
                ledger.Add(new LedgerRouting(Guid(routings, 0), Guid(routings, 1), Date(routings, 2), routings.Int64(3) != 0));
            }
        }

        foreach (var e in ReadEvents(connection, long.MinValue, later is null ? long.MaxValue : split, cancellationToken))
        {
            ledger.Add(e);
        }

        if (later is not null)
        {
            foreach (var e in later.GetAwaiter().GetResult())
            {
                ledger.Add(e);
            }
        }

        return ledger;
    }

    /// <summary>Item actions of people with <paramref name="after"/> &lt; Seq &lt;= <paramref name="upTo"/>, in commit order.</summary>
    private static List<LedgerEvent> ReadEvents(SqliteConnection connection, long after, long upTo, CancellationToken cancellationToken)
    {
        var list = new List<LedgerEvent>(upTo == long.MaxValue ? 1024 : (int)Math.Min(upTo - Math.Max(after, 0), 1 << 24));
        var sources = new List<(byte[] Bytes, string Text)>();
        // Rewards, kudos, automation and challenge events are nobody's work on an item: left out in SQL already.
        using var events = new RawStatement(connection, $"""
            SELECT "EventId", "EmployeeId", "DepartmentId", "Type", "OccurredAt", "Source", "FeedbackId", "TargetDepartmentId"
            FROM "Events"
            WHERE "Seq" > {after} AND "Seq" <= {upTo} AND "Type" NOT IN ('Reward', 'Kudos') AND "Source" NOT IN ('automation', 'challenge')
            ORDER BY "Seq"
            """);
        while (events.Step())
        {
            if ((list.Count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            list.Add(new LedgerEvent(Guid(events, 0), Guid(events, 1), Guid(events, 2), Action(events.Bytes(3)), Source(sources, events.Bytes(5)),
                Date(events, 4), events.IsNull(6) ? null : Guid(events, 6), events.IsNull(7) ? null : Guid(events, 7)));
        }

        return list;
    }

    private static readonly (byte[] Name, ActionType Value)[] ActionNames =
        [.. Enum.GetValues<ActionType>().Select(v => (Encoding.UTF8.GetBytes(v.ToString()), v))];

    private static ActionType Action(ReadOnlySpan<byte> utf8)
    {
        foreach (var (name, value) in ActionNames)
        {
            if (utf8.SequenceEqual(name))
            {
                return value;
            }
        }

        return Actions[Encoding.UTF8.GetString(utf8)];
    }

    /// <summary>One string per distinct source (a handful across the whole log).</summary>
    private static string Source(List<(byte[] Bytes, string Text)> known, ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, text) in known)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return text;
            }
        }

        var value = Encoding.UTF8.GetString(utf8);
        if (known.Count < 64)
        {
            known.Add((utf8.ToArray(), value));
        }

        return value;
    }

    private static Guid Guid(RawStatement row, int column) =>
        RawLog.TryGuid(row.Bytes(column), out var value) ? value : System.Guid.Parse(Encoding.UTF8.GetString(row.Bytes(column)));

    private static DateTimeOffset Date(RawStatement row, int column)
    {
        var value = RawLog.TryDate(row.Bytes(column), out var parsed)
            ? parsed
            : DateTime.Parse(Encoding.UTF8.GetString(row.Bytes(column)), CultureInfo.InvariantCulture);
        return new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }

    private static string Intern(Dictionary<string, string> strings, string value)
    {
        if (strings.TryGetValue(value, out var known))
        {
            return known;
        }

        if (strings.Count < 256)
        {
            strings[value] = value;
        }

        return value;
    }
}
