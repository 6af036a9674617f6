using System.Diagnostics;
using System.Globalization;
using GamifyHub.Domain.Scoring;
using Microsoft.Data.Sqlite;

namespace GamifyHub.Bench;

/// <summary>
/// A realistic engagement log written straight into a demo database the server has migrated and seeded: feedback items over
/// ~13 months routed to the demo's departments (about one in eight also to a second one), and the people of those departments
/// reading, replying, tagging, forwarding (a forward adds its routing), turning items into insights and resolving them, in time
/// order with time-ordered (v7) event ids. Raw prepared inserts in big transactions, no EF Core. No award lines: the analytics
/// ledger reads items, routings and events only.
/// </summary>
public static class AnalyticsSeed
{
    public sealed record Seeded(int Items, int Routings, int Events, TimeSpan Elapsed, DateTime From, DateTime To);

    private static readonly string[] Channels = ["facebook", "linkedin", "x", "xing", "youtube", "instagram", "appstore", "blog", "trustpilot"];
    private static readonly string[] Sentiments = ["Positive", "Neutral", "Negative"];
    private static readonly string[] Priorities = ["Normal", "Low", "High"];

    // Action mix of one item's events (weights): reads dominate, then replies, tags and resolves.
    private static readonly (ActionType Type, int Weight)[] Mix =
    [
        (ActionType.Read, 40), (ActionType.Reply, 20), (ActionType.Tag, 14), (ActionType.Forward, 4), (ActionType.Insight, 7),
        (ActionType.Resolve, 14), (ActionType.Reopen, 1),
    ];

    private record struct Action(long Ticks, int Item, int Employee, ActionType Type, int Target);

    public static async Task<Seeded> InsertAsync(string databasePath, int eventCount, DateTime now)
    {
        var clock = Stopwatch.StartNew();
        var employees = BenchDatabase.Employees(databasePath);
        var departments = employees.Select(e => e.DepartmentId).Distinct().Order().ToArray();
        var byDepartment = departments.ToDictionary(d => d, d => employees.Select((e, i) => (e, i)).Where(x => x.e.DepartmentId == d)
            .Select(x => x.i).ToArray());
        var rnd = new Random(13);
        var from = now.AddDays(-395);
        var span = (now - from).Ticks;
        var itemCount = Math.Max(eventCount / 5, 1);

        // Items and their first routings, then each item's actions (about 5 an item) until the log has eventCount events.
        var itemTicks = new long[itemCount];
        var itemDepartments = new (int First, int Second)[itemCount];
        var actions = new List<Action>(eventCount);
        var items = 0;
        while (actions.Count < eventCount)
        {
            if (items == itemTicks.Length)
            {
                Array.Resize(ref itemTicks, items * 2);
                Array.Resize(ref itemDepartments, items * 2);
            }

            var i = items++;
            var at = from.Ticks + (long)(rnd.NextDouble() * span);
            itemTicks[i] = at;
            var first = rnd.Next(departments.Length);
            var second = rnd.Next(8) == 0 ? (first + 1 + rnd.Next(departments.Length - 1)) % departments.Length : -1;
            itemDepartments[i] = (first, second);
            var count = 1 + rnd.Next(9);
            var t = at;
            for (var k = 0; k < count && actions.Count < eventCount; k++)
            {
                // Minutes to days after the previous action, never after now.
                t = Math.Min(t + (long)(TimeSpan.TicksPerMinute * Math.Exp(rnd.NextDouble() * 8)), now.Ticks - TimeSpan.TicksPerSecond);
                var department = second >= 0 && rnd.Next(2) == 0 ? second : first;
                var people = rnd.Next(10) == 0 ? byDepartment[departments[rnd.Next(departments.Length)]] : byDepartment[departments[department]];
                var type = Pick(rnd);
                var target = type == ActionType.Forward ? (department + 1 + rnd.Next(departments.Length - 1)) % departments.Length : -1;
                actions.Add(new Action(t, i, people[rnd.Next(people.Length)], type, target));
            }
        }

        actions.Sort((a, b) => a.Ticks.CompareTo(b.Ticks));
        var itemIds = new Guid[items];
        for (var i = 0; i < items; i++)
        {
            itemIds[i] = Guid.CreateVersion7(new DateTimeOffset(itemTicks[i], TimeSpan.Zero));
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            DefaultTimeout = 60,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout=60000; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var item = connection.CreateCommand();
        item.CommandText = """
            INSERT INTO FeedbackItems (Id, Channel, ExternalId, Author, Text, Url, Language, Sentiment, Priority, Status, ReplyCount,
                                       CreatedAt, ReceivedAt)
            VALUES ($id, $channel, $externalId, $author, $text, NULL, $language, $sentiment, $priority, 'Open', 0, $at, $at)
            """;
        var iId = item.Parameters.Add("$id", SqliteType.Text);
        var iChannel = item.Parameters.Add("$channel", SqliteType.Text);
        var iExternal = item.Parameters.Add("$externalId", SqliteType.Text);
        var iAuthor = item.Parameters.Add("$author", SqliteType.Text);
        var iText = item.Parameters.Add("$text", SqliteType.Text);
        var iLanguage = item.Parameters.Add("$language", SqliteType.Text);
        var iSentiment = item.Parameters.Add("$sentiment", SqliteType.Text);
        var iPriority = item.Parameters.Add("$priority", SqliteType.Text);
        var iAt = item.Parameters.Add("$at", SqliteType.Text);

        await using var routing = connection.CreateCommand();
        routing.CommandText = "INSERT OR IGNORE INTO FeedbackRoutings (FeedbackId, DepartmentId, RoutedAt, ForwardedByEventId) VALUES ($id, $department, $at, $by)";
        var rId = routing.Parameters.Add("$id", SqliteType.Text);
        var rDepartment = routing.Parameters.Add("$department", SqliteType.Text);
        var rAt = routing.Parameters.Add("$at", SqliteType.Text);
        var rBy = routing.Parameters.Add("$by", SqliteType.Text);

        await using var insertEvent = connection.CreateCommand();
        insertEvent.CommandText = """
            INSERT INTO "Events" ("EventId", "EmployeeId", "DepartmentId", "Type", "FeedbackId", "OccurredAt", "RecordedAt",
                                  "Source", "TargetDepartmentId", "Text", "Url")
            VALUES ($eventId, $employeeId, $departmentId, $type, $feedbackId, $at, $at, $source, $target, NULL, NULL)
            """;
        var eId = insertEvent.Parameters.Add("$eventId", SqliteType.Text);
        var eEmployee = insertEvent.Parameters.Add("$employeeId", SqliteType.Text);
        var eDepartment = insertEvent.Parameters.Add("$departmentId", SqliteType.Text);
        var eType = insertEvent.Parameters.Add("$type", SqliteType.Text);
        var eFeedback = insertEvent.Parameters.Add("$feedbackId", SqliteType.Text);
        var eAt = insertEvent.Parameters.Add("$at", SqliteType.Text);
        var eSource = insertEvent.Parameters.Add("$source", SqliteType.Text);
        var eTarget = insertEvent.Parameters.Add("$target", SqliteType.Text);

        var routings = 0;
        SqliteTransaction? tx = null;
        var inTx = 0;
        void Begin()
        {
            if (tx is not null && inTx < 50_000)
            {
                return;
            }

            tx?.Commit();
            tx?.Dispose();
            tx = connection.BeginTransaction();
            item.Transaction = routing.Transaction = insertEvent.Transaction = tx;
            inTx = 0;
        }

        void Route(int i, int department, long ticks, string? by)
        {
            rId.Value = Text(itemIds[i]);
            rDepartment.Value = Text(departments[department]);
            rAt.Value = Text(ticks);
            rBy.Value = (object?)by ?? DBNull.Value;
            routings += routing.ExecuteNonQuery();
        }

        // Items in the order they arrived, each item with its routings, and the actions in time order between them.
        var order = Enumerable.Range(0, items).OrderBy(i => itemTicks[i]).ToArray();
        var next = 0;
        void ItemsUpTo(long ticks)
        {
            for (; next < order.Length && itemTicks[order[next]] <= ticks; next++)
            {
                Begin();
                var i = order[next];
                var at = Text(itemTicks[i]);
                iId.Value = Text(itemIds[i]);
                iChannel.Value = Channels[i % Channels.Length];
                iExternal.Value = $"bench-{i}";
                iAuthor.Value = $"@customer{i % 5_000}";
                iLanguage.Value = i % 3 == 0 ? "de" : "en";
                iText.Value = i % 3 == 0 ? $"Eintrag {i}: die App stürzt beim Start ab." : $"Item {i}: the app crashes on start.";
                iSentiment.Value = Sentiments[i % 3];
                iPriority.Value = Priorities[(i / 3) % 3];
                iAt.Value = at;
                item.ExecuteNonQuery();
                Route(i, itemDepartments[i].First, itemTicks[i], null);
                if (itemDepartments[i].Second >= 0)
                {
                    Route(i, itemDepartments[i].Second, itemTicks[i], null);
                }

                inTx += 2;
            }
        }

        foreach (var a in actions)
        {
            ItemsUpTo(a.Ticks);
            Begin();
            var employee = employees[a.Employee];
            var id = Guid.CreateVersion7(new DateTimeOffset(a.Ticks, TimeSpan.Zero));
            eId.Value = Text(id);
            eEmployee.Value = Text(employee.Id);
            eDepartment.Value = Text(employee.DepartmentId);
            eType.Value = a.Type.ToString();
            eFeedback.Value = Text(itemIds[a.Item]);
            eAt.Value = Text(a.Ticks);
            eSource.Value = (a.Item & 3) == 0 ? "api" : "web";
            eTarget.Value = a.Target >= 0 ? Text(departments[a.Target]) : DBNull.Value;
            insertEvent.ExecuteNonQuery();
            if (a.Target >= 0)
            {
                Route(a.Item, a.Target, a.Ticks, Text(id));
            }

            inTx++;
        }

        ItemsUpTo(long.MaxValue);
        tx?.Commit();
        tx?.Dispose();
        return new Seeded(items, routings, actions.Count, clock.Elapsed, from, now);
    }

    private static ActionType Pick(Random rnd)
    {
        var roll = rnd.Next(100);
        foreach (var (type, weight) in Mix)
        {
            if ((roll -= weight) < 0)
            {
                return type;
            }
        }

        return ActionType.Read;
    }

    // Values as EF Core stores them: GUIDs as upper-case text, dates as text.
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Text(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
