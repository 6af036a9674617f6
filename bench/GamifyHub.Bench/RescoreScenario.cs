using System.Diagnostics;
using GamifyHub.Data;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Scoring;
using Microsoft.Data.Sqlite;

namespace GamifyHub.Bench;

/// <summary>
/// Rescoring (issue 4): a synthetic log of engagement events over ~1,000 employees and ~100,000 items, generated in memory
/// with a fixed seed, replayed with <see cref="ScoreReplay"/> under the default rules and under a changed rule set (read
/// points doubled), and the changed replay's award lines and flags written to a fresh SQLite file with the server's
/// schema, prepared statements, indexes dropped and rebuilt, one transaction (what <c>POST /api/admin/rules/apply</c> does inside the writer).
/// </summary>
public static class RescoreScenario
{
    public const int Employees = 1_000;
    public const int Departments = 100;
    public const int Items = 100_000;

    public sealed record Outcome(TimeSpan ReplayDefault, TimeSpan ReplayChanged, TimeSpan Write, long Lines, long Flags,
        long PointsDefault, long PointsChanged, TimeSpan Generate);

    public static RuleSet Changed { get; } = RuleSet.Default with
    {
        Version = RuleSet.Default.Version + 1,
        Rules = [.. RuleSet.Default.Rules.Select(r => r.Action == ActionType.Read ? r with { Points = r.Points * 2 } : r)],
    };

    public static async Task<Outcome> RunAsync(string path, int count)
    {
        var clock = Stopwatch.StartNew();
        var (events, items, meta) = Generate(count, seed: 20261128);
        var generate = clock.Elapsed;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        clock.Restart();
        var before = ScoreReplay.Run(RuleSet.Default, events, items, zone);
        var replayDefault = clock.Elapsed;

        clock.Restart();
        var after = ScoreReplay.Run(Changed, events, items, zone);
        var replayChanged = clock.Elapsed;

        await BenchDatabase.CreateAsync(path);
        await using var connection = new SqliteConnection(SqliteDatabase.ConnectionString(path));
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            // The server's pragmas; foreign keys off because this file has award lines but no event rows.
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=OFF;";
            await pragmas.ExecuteNonQueryAsync();
        }

        clock.Restart();
        long lines, flags;
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            (lines, flags) = Rescoring.WriteScoresBulk(connection, tx, meta, after.Events);
            await tx.CommitAsync();
        }

        var write = clock.Elapsed;
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        return new Outcome(replayDefault, replayChanged, write, lines, flags,
            before.Employees.Values.Sum(e => e.Total), after.Employees.Values.Sum(e => e.Total), generate);
    }

    /// <summary>
    /// A plausible log: events spread over ~6 months, each on a random item by a random employee; reads dominate, items are
    /// resolved, sometimes reopened, forwarded between departments. Lifecycle order is respected per item.
    /// </summary>
    public static (List<ReplayEvent> Events, Dictionary<Guid, ItemProfile> Items, List<Rescoring.EventMeta> Meta) Generate(int count, int seed)
    {
        var random = new Random(seed);
        Guid NextGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        var departments = Enumerable.Range(0, Departments).Select(_ => NextGuid()).ToArray();
        var employees = Enumerable.Range(0, Employees).Select(i => (Id: NextGuid(), Department: departments[i % Departments])).ToArray();
        var start = new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero);
        var channels = new[] { "email", "appstore", "web", "survey" };
        var itemIds = new Guid[Items];
        var resolved = new bool[Items];
        var items = new Dictionary<Guid, ItemProfile>(Items);
        for (var i = 0; i < Items; i++)
        {
            itemIds[i] = NextGuid();
            items[itemIds[i]] = new ItemProfile(itemIds[i], channels[i % channels.Length], (Sentiment)(i % 3), (Priority)(i % 3),
                i % 5 == 0 ? "de" : "en", start.AddSeconds(i * 150L), [departments[i % Departments]]);
        }

        var events = new List<ReplayEvent>(count);
        var meta = new List<Rescoring.EventMeta>(count);
        var span = TimeSpan.FromDays(180).Ticks / Math.Max(count, 1);
        for (var n = 0; n < count; n++)
        {
            var at = start.AddTicks(span * n);
            // Items become available over time: pick among those received by now.
            var available = Math.Clamp((int)((at - start).TotalSeconds / 150) + 1, 1, Items);
            var item = random.Next(available);
            var (employee, department) = employees[random.Next(Employees)];
            var roll = random.Next(100);
            var action = roll switch
            {
                < 55 => ActionType.Read,
                < 70 => ActionType.Reply,
                < 75 => ActionType.Tag,
                < 83 => ActionType.Forward,
                < 88 => ActionType.Insight,
                < 97 => ActionType.Resolve,
                _ => ActionType.Reopen,
            };
            if (action == ActionType.Resolve && resolved[item] || action == ActionType.Reopen && !resolved[item])
            {
                action = ActionType.Read;
            }

            if (action == ActionType.Resolve)
            {
                resolved[item] = true;
            }
            else if (action == ActionType.Reopen)
            {
                resolved[item] = false;
            }

            Guid? target = action == ActionType.Forward ? departments[random.Next(Departments)] : null;
            int? dwell = action == ActionType.Read ? random.Next(1, 240) : null;
            var eventId = NextGuid();
            events.Add(new ReplayEvent(eventId, employee, department, action, at, "api", itemIds[item], target, dwell));
            meta.Add(new Rescoring.EventMeta(n + 1, eventId, employee, itemIds[item], at.UtcDateTime));
        }

        return (events, items, meta);
    }
}
