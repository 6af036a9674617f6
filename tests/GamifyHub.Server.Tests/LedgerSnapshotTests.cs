using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GamifyHub.Data;
using GamifyHub.Data.Privacy;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Grains;
using GamifyHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Tests;

/// <summary>
/// Employee ledgers start from stored snapshots (real SQLite file, real server): the ledger read from a snapshot plus the
/// events after it is byte for byte the one a full replay of the log builds, a restarted server answers and scores as
/// before, and erasure and retention forget snapshots so none outlives what it was built from.
/// </summary>
public sealed class LedgerSnapshotTests
{
    // Snapshots after 5 own events, looked for every 200 ms from the start.
    private static readonly (string, string)[] Often =
    [
        ("LedgerSnapshots:SnapshotAfter", "5"), ("LedgerSnapshots:Interval", "00:00:00.200"), ("LedgerSnapshots:StartDelay", "00:00:00"),
    ];

    // A Tuesday, 00:00 UTC (01:00 in Berlin).
    private static readonly DateTime Day = new(2025, 3, 4, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_ledger_from_its_snapshot_and_the_events_after_it_is_the_one_a_full_replay_builds_and_survives_a_restart()
    {
        var path = TempDatabase.NewPath();
        string before;
        Guid ravi;
        await using (var factory = GamifyHubFactory.OnDatabase(path, Often))
        {
            var integration = factory.WithApiKey();
            ravi = await IdOf(factory, ApiClient.Ravi);
            // The day before: more award-bearing events than the 20 recent awards a summary shows.
            await Post(integration, ApiClient.Ravi, Day.AddDays(-1).AddHours(9), 24);
            // Eight insights of a day's cap of ten (10 points each, 100 a day) before the snapshot.
            Assert.All(await Post(integration, ApiClient.Ravi, Day.AddHours(9), 8, "insight"), p => Assert.Equal(10, p));
            var last = await Scalar<long>(factory, "SELECT max(Seq) FROM Events");
            await Eventually.True(async () => await SnapshotSeq(factory, ravi) >= last, 30_000);

            // More the same day, after the snapshot: the cap is reached.
            Assert.Equal([10, 10, 0, 0], await Post(integration, ApiClient.Ravi, Day.AddHours(10), 4, "insight"));
            var reader = factory.Services.GetRequiredService<ProjectionReader>();
            var zone = factory.Services.GetRequiredService<IOptions<CompanyOptions>>().Value.Zone;
            var version = factory.Services.GetRequiredService<RuleBook>().Current.Version;
            var fromSnapshot = await reader.LoadLedger(ravi, version, 0, 0);
            var fullReplay = await reader.LoadLedger(ravi, version + 1000, 0, 0); // no snapshot of that version: the whole log

            Assert.NotNull(fromSnapshot.Restored);
            Assert.Null(fullReplay.Restored);
            Assert.True(fromSnapshot.Entries.Count < fullReplay.Entries.Count);
            Assert.Equal((await fullReplay.FoldAsync(ravi, zone)).ToSnapshot(), (await fromSnapshot.FoldAsync(ravi, zone)).ToSnapshot());
            before = await Me(factory);
        }

        await using (var restarted = GamifyHubFactory.OnDatabase(path, Often))
        {
            Assert.Equal(before, await Me(restarted));
            Assert.True(await SnapshotSeq(restarted, ravi) > 0);
            // The restarted grain knows the day's cap is used up, and that another day starts afresh.
            var integration = restarted.WithApiKey();
            Assert.Equal([0], await Post(integration, ApiClient.Ravi, Day.AddHours(11), 1, "insight"));
            Assert.Equal([10], await Post(integration, ApiClient.Ravi, Day.AddDays(1).AddHours(11), 1, "insight"));
        }
    }

    [Fact]
    public async Task Applying_new_rules_stores_every_employees_ledger_as_the_new_rules_leave_it()
    {
        await using var factory = GamifyHubFactory.With(("LedgerSnapshots:Enabled", "false"));
        var integration = factory.WithApiKey();
        var ravi = await IdOf(factory, ApiClient.Ravi);
        await Post(integration, ApiClient.Ravi, Day.AddHours(9), 12);
        var admin = await factory.SignedIn(ApiClient.Admin);
        var rules = JsonNode.Parse(await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync())!;
        foreach (var rule in rules["rules"]!.AsArray().Where(r => r!["action"]!.GetValue<string>() == "insight"))
        {
            rule!["points"] = 7;
        }

        var applied = await admin.PostAsync("/api/admin/rules/apply", new StringContent(rules.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        applied.EnsureSuccessStatusCode();

        var version = factory.Services.GetRequiredService<RuleBook>().Current.Version;
        var last = await Scalar<long>(factory, "SELECT max(Seq) FROM Events");
        // Everyone with a ledger: an employee with no event and no line has nothing to keep.
        var employees = await Scalar<long>(factory,
            "SELECT count(*) FROM Employees p WHERE EXISTS (SELECT 1 FROM Events e WHERE e.EmployeeId = p.Id) OR EXISTS (SELECT 1 FROM Awards a WHERE a.EmployeeId = p.Id)");
        Assert.True(employees > 30);
        Assert.Equal(employees, await Scalar<long>(factory,
            $"SELECT count(*) FROM LedgerSnapshots WHERE RulesVersion = {version} AND Seq = {last} AND EmployeeId IN (SELECT Id FROM Employees)"));
        Assert.Equal(0, await Scalar<long>(factory, $"SELECT count(*) FROM LedgerSnapshots WHERE EmployeeId <> '{LedgerSnapshotStore.EpochRow}' AND RulesVersion <> {version}"));
        var reader = factory.Services.GetRequiredService<ProjectionReader>();
        var zone = factory.Services.GetRequiredService<IOptions<CompanyOptions>>().Value.Zone;
        var fromSnapshot = await reader.LoadLedger(ravi, version, 0, 0);
        var fullReplay = await reader.LoadLedger(ravi, version + 1000, 0, 0);
        Assert.NotNull(fromSnapshot.Restored);
        Assert.Empty(fromSnapshot.Entries);
        Assert.Equal((await fullReplay.FoldAsync(ravi, zone)).ToSnapshot(), (await fromSnapshot.FoldAsync(ravi, zone)).ToSnapshot());
        // The grain reloads under the new rules from that snapshot: three insights now earn 7 each.
        var me = await (await factory.SignedIn(ApiClient.Ravi)).GetJson("/api/me");
        Assert.Equal(21, me.GetProperty("pointsByCategory").GetProperty("Insight").GetInt64());
    }

    [Fact]
    public async Task Erasure_forgets_the_persons_snapshot_and_a_snapshot_read_before_it_is_not_stored_after_it()
    {
        await using var factory = GamifyHubFactory.With(Often);
        var integration = factory.WithApiKey();
        var lena = await IdOf(factory, ApiClient.Lena);
        var ravi = await IdOf(factory, ApiClient.Ravi);
        await Post(integration, ApiClient.Lena, new DateTime(2025, 3, 5, 9, 0, 0, DateTimeKind.Utc), 6);
        await Eventually.True(async () => await SnapshotSeq(factory, lena) > 0, 30_000);
        var reader = factory.Services.GetRequiredService<ProjectionReader>();
        var version = factory.Services.GetRequiredService<RuleBook>().Current.Version;
        var readBefore = await reader.LoadLedger(ravi, version, 0, 0);
        var epochBefore = await reader.LedgerSnapshotEpoch(CancellationToken.None);

        var admin = await factory.SignedIn(ApiClient.Admin);
        var erased = await admin.PostAsJsonAsync($"/api/admin/people/{lena}/erase", new { confirm = "ERASE" });
        erased.EnsureSuccessStatusCode();

        Assert.Equal(0, await SnapshotSeq(factory, lena));
        Assert.True(await reader.LedgerSnapshotEpoch(CancellationToken.None) > epochBefore);
        var store = factory.Services.GetRequiredService<LedgerSnapshotStore>();
        var zone = factory.Services.GetRequiredService<IOptions<CompanyOptions>>().Value.Zone;
        var stale = (await readBefore.FoldAsync(ravi, zone)).ToSnapshot();
        Assert.False(await store.SaveAsync(ravi, version, readBefore.HighWater + 1_000_000, readBefore.Epoch, stale));
        var readAfter = await reader.LoadLedger(ravi, version, 0, 0);
        Assert.True(await store.SaveAsync(ravi, version, readAfter.HighWater + 1_000_000, readAfter.Epoch, stale));
    }

    [Fact]
    public async Task A_retention_run_that_detaches_events_forgets_every_snapshot()
    {
        await using var factory = GamifyHubFactory.With(Often);
        var integration = factory.WithApiKey();
        var ravi = await IdOf(factory, ApiClient.Ravi);
        await Post(integration, ApiClient.Ravi, new DateTime(2025, 3, 6, 9, 0, 0, DateTimeKind.Utc), 6);
        await Eventually.True(async () => await SnapshotSeq(factory, ravi) > 0, 30_000);
        var writer = factory.Services.GetRequiredService<EngagementWriter>();

        var counts = await writer.ExclusiveAsync(async db =>
        {
            var batch = await FormerColleagues.RetentionBatchAsync(db, new DateTime(2025, 3, 7, 0, 0, 0, DateTimeKind.Utc), DateTime.UtcNow, purge: false, batchSize: 100_000);
            return (batch, await db.LedgerSnapshots.CountAsync(s => s.EmployeeId != LedgerSnapshotStore.EpochRow));
        });

        Assert.True(counts.batch.Events > 0);
        Assert.Equal(0, counts.Item2);
    }

    private static async Task<List<int>> Post(HttpClient integration, string employee, DateTime start, int count, params string[] types)
    {
        types = types.Length == 0 ? ["insight", "reply", "tag", "read"] : types;
        var events = Enumerable.Range(0, count).Select(i => new
        {
            eventId = Guid.CreateVersion7(), employee, type = types[i % types.Length], occurredAt = start.AddSeconds(20 * i).ToString("O"),
        }).ToArray();
        var answer = await (await integration.PostAsJsonAsync("/api/events/batch", new { events })).Json();
        return [.. answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("points").GetInt32())];
    }

    private static async Task<string> Me(GamifyHubFactory factory)
    {
        // Points, points per category, recent awards, level and badges with their progress: all of it from the ledger.
        return (await (await factory.SignedIn(ApiClient.Ravi)).GetJson("/api/me")).ToString();
    }

    private static async Task<Guid> IdOf(GamifyHubFactory factory, string email)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync();
        return await db.Employees.Where(e => e.Email == email).Select(e => e.Id).SingleAsync();
    }

    private static async Task<long> SnapshotSeq(GamifyHubFactory factory, Guid employee)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync();
        return await db.LedgerSnapshots.Where(s => s.EmployeeId == employee).Select(s => (long?)s.Seq).FirstOrDefaultAsync() ?? 0;
    }

    private static async Task<T> Scalar<T>(GamifyHubFactory factory, string sql) => await new DatabaseProbe(factory.DatabasePath).Scalar<T>(sql);
}
