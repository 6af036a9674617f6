using System.Net.Http.Headers;
using System.Text.Json;
using GamifyHub.Domain.Boards;
using GamifyHub.Testing;
using Xunit.Abstractions;

namespace GamifyHub.Resilience.Tests;

public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private static readonly string[] Employees = [ApiClient.Ravi, ApiClient.Lena, ApiClient.Sofia];

    [Fact]
    public async Task Every_acknowledged_event_is_counted_exactly_once_across_repeated_SIGKILLs()
    {
        const int seed = 20261128;
        var random = new Random(seed);
        await using var server = await ServerProcess.StartAsync(TempDatabase.NewPath());
        var baseline = await Totals(server);
        var items = await ItemsFor(server, [ApiClient.Ravi, ApiClient.Sofia]);
        var load = new EventLoad(() => server.BaseAddress, Employees, items, seed);
        using var stopCreating = new CancellationTokenSource();

        var running = load.Run(workers: 4, stopCreating.Token);
        for (var cycle = 0; cycle < 12; cycle++)
        {
            // Each life of the server acknowledges some events before it is killed, however slowly a busy machine restarts
            // it: otherwise a loaded CI box only ever kills a server that is still starting.
            var acknowledged = load.Acknowledged.Count;
            await Task.Delay(random.Next(200, 1500));
            await WaitFor(() => load.Acknowledged.Count >= acknowledged + 20, TimeSpan.FromSeconds(60));
            await server.RestartAfterKillAsync();
        }

        await Task.Delay(500);
        stopCreating.Cancel();
        await running; // every event created is retried until acknowledged
        output.WriteLine($"seed {seed}: {server.Starts} starts, {load.Acknowledged.Count} events acknowledged, " +
            $"{load.Attempts} requests, {load.Failures} failed attempts, {load.Duplicates} answered as duplicates");
        Assert.True(load.Acknowledged.Count > 200, "too little load to mean anything");
        Assert.True(load.Failures > 0, "no request ever hit a killed server");
        Assert.True(load.Duplicates > 0, "no retry was ever answered as a duplicate: the kills never hit between commit and answer");

        // The log holds each acknowledged event once, with the points its answer reported.
        var stored = await new DatabaseProbe(server.DatabasePath).EventsWithPoints("api");
        Assert.Equal(load.Acknowledged.Count, stored.Count);
        Assert.Equal(load.Acknowledged.Keys.Order(), stored.Select(s => s.EventId).Order());
        Assert.All(stored, s => Assert.Equal(load.Acknowledged[s.EventId].Points, s.Points));

        // Totals and every board agree, both as left running and after one more crash.
        var expected = baseline.ToDictionary(b => b.Key, b => b.Value + load.Acknowledged.Values
            .Where(a => a.Employee == b.Key).Sum(a => a.Points));
        await AssertProjections(server, expected, baseline);
        await server.RestartAfterKillAsync();
        await AssertProjections(server, expected, baseline);
    }

    private static async Task WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < timeout)
        {
            await Task.Delay(50);
        }
    }

    private static async Task AssertProjections(ServerProcess server, Dictionary<string, long> expected, Dictionary<string, long> baseline)
    {
        await Eventually.True(async () => (await Totals(server)).OrderBy(t => t.Key).SequenceEqual(expected.OrderBy(e => e.Key)), 20_000);
        using var client = await SignedIn(server, ApiClient.Admin);
        // Each person reads the boards themselves: individual boards list others only in their top half (works-council
        // privacy), but always the reader's own row.
        var ids = new Dictionary<string, string>();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var email in Employees)
        {
            clients[email] = await SignedIn(server, email);
            ids[email] = (await clients[email].GetJson("/api/me")).GetProperty("employeeId").GetString()!;
        }

        var departmentIds = (await client.GetJson("/api/departments")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("slug").GetString()!, d => d.GetProperty("id").GetString()!);
        var probe = new DatabaseProbe(server.DatabasePath);
        var season = (await client.GetJson("/api/seasons")).GetProperty("current");
        Assert.Equal(JsonValueKind.Object, season.ValueKind); // the demo's season runs today
        foreach (var window in new[] { "all", "quarter", "month", "week", "day", "season" })
        {
            // The seed never scores these three, so outside "all" only this run's points count (all of them are from today).
            long Expected(string email) => window == "all" ? expected[email] : expected[email] - baseline[email];
            foreach (var (email, slug) in new[] { (ApiClient.Ravi, "rnd"), (ApiClient.Lena, "rnd"), (ApiClient.Sofia, "service") })
            {
                var employees = await clients[email].GetJson($"/api/boards/employees?window={window}&top=100");
                var department = await clients[email].GetJson($"/api/boards/department-{departmentIds[slug]}?window={window}&top=100");
                Assert.Equal(Expected(email), Score(employees, ids[email]));
                Assert.Equal(Expected(email), Score(department, ids[email]));
            }

            var departments = await client.GetJson($"/api/boards/departments?window={window}&top=100");
            BoardWindows.TryParse(window, out var parsed);
            var start = parsed == BoardWindow.Season
                ? season.GetProperty("startsAt").GetDateTimeOffset()
                : Period.For(parsed, DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).StartUtc;
            var since = parsed == BoardWindow.All ? "" : $" AND a.OccurredAt >= '{start.UtcDateTime:yyyy-MM-dd HH:mm:ss}'";
            foreach (var slug in new[] { "rnd", "service" })
            {
                var points = await probe.Scalar<long>(
                    $"SELECT COALESCE(SUM(a.Points), 0) FROM Awards a JOIN Departments d ON d.Id = a.DepartmentId WHERE d.Slug = '{slug}'{since}");
                Assert.Equal(points, Score(departments, departmentIds[slug]));
            }
        }

        foreach (var c in clients.Values)
        {
            c.Dispose();
        }
    }

    private static long Score(JsonElement board, string memberId)
    {
        var row = board.GetProperty("rows").EnumerateArray().SingleOrDefault(r => r.GetProperty("memberId").GetString() == memberId);
        return row.ValueKind == JsonValueKind.Undefined ? 0 : row.GetProperty("score").GetInt64();
    }

    private static async Task<Dictionary<string, long>> Totals(ServerProcess server)
    {
        var totals = new Dictionary<string, long>();
        foreach (var email in Employees)
        {
            using var client = await SignedIn(server, email);
            totals[email] = (await client.GetJson("/api/me")).GetProperty("points").GetInt64();
        }

        return totals;
    }

    private static async Task<List<(string, Guid)>> ItemsFor(ServerProcess server, string[] emails)
    {
        var items = new List<(string, Guid)>();
        foreach (var email in emails)
        {
            using var client = await SignedIn(server, email);
            var page = await client.GetJson("/api/feedback?status=open&pageSize=5");
            items.AddRange(page.GetProperty("items").EnumerateArray().Select(i => (email, i.GetProperty("id").GetGuid())));
        }

        return items;
    }

    private static async Task<HttpClient> SignedIn(ServerProcess server, string email)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiClient.TokenFor(client, email));
        return client;
    }
}
