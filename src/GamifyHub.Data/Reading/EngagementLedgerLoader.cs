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
        // One read transaction: items, routings and events are one consistent snapshot of the log.
        using var tx = connection.BeginTransaction(deferred: true);
        var ledger = new EngagementLedger();
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

        // Rewards, kudos, automation and challenge events are nobody's work on an item: left out in SQL already.
        using var events = new RawStatement(connection, """
            SELECT "EventId", "EmployeeId", "DepartmentId", "Type", "OccurredAt", "Source", "FeedbackId", "TargetDepartmentId"
            FROM "Events"
            WHERE "Type" NOT IN ('Reward', 'Kudos') AND "Source" NOT IN ('automation', 'challenge')
            """);
        var count = 0;
        while (events.Step())
        {
            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ledger.Add(new LedgerEvent(Guid(events, 0), Guid(events, 1), Guid(events, 2), Actions[events.Text(3)], Intern(strings, events.Text(5)),
                Date(events, 4), events.IsNull(6) ? null : Guid(events, 6), events.IsNull(7) ? null : Guid(events, 7)));
        }

        return ledger;
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
