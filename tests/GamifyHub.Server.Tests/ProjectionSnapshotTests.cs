using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Boards;
using GamifyHub.Grains;
using GamifyHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Tests;

/// <summary>
/// Boards and department totals start from stored snapshots (real SQLite file, real server, real grains): after a restart
/// they answer from a snapshot plus the log after it exactly what the whole log adds up to, and a rescore or an erasure
/// forgets every snapshot, so none taken before is read or stored after it.
/// </summary>
public sealed class ProjectionSnapshotTests
{
    private static (string, string)[] SnapshotAfter(long positions) => [("ProjectionSnapshots:SnapshotAfter", positions.ToString())];

    [Fact]
    public async Task After_a_restart_boards_and_department_totals_from_a_snapshot_and_the_log_after_it_equal_the_whole_log()
    {
        var path = TempDatabase.NewPath();
        List<(string Key, BoardScope Scope, BoardWindow Window)> boards;
        Guid research;
        await using (var first = GamifyHubFactory.OnDatabase(path, SnapshotAfter(1)))
        {
            research = await DepartmentOf(first, ApiClient.Ravi);
            boards = Boards(research);
            await Post(first.WithApiKey(), ApiClient.Ravi, 6);
            await Post(first.WithApiKey(), ApiClient.Lena, 6);
            // Each activation read the log past any snapshot: each stores one (and a newer one when it deactivates).
            await ReadAll(first, boards, research);
            await Eventually.True(async () => await Stored(first, boards, research) == boards.Count + 1, 30_000);
        }

        await using (var second = GamifyHubFactory.OnDatabase(path, SnapshotAfter(long.MaxValue)))
        {
            // The log grows past the snapshots; no new one is taken.
            await Post(second.WithApiKey(), ApiClient.Ravi, 5);
            await Post(second.WithApiKey(), ApiClient.Sofia, 5);
        }

        await using var third = GamifyHubFactory.OnDatabase(path, SnapshotAfter(long.MaxValue));
        var answers = await ReadAll(third, boards, research);
        var reader = third.Services.GetRequiredService<ProjectionReader>();
        var highWater = await Scalar<long>(third, "SELECT max(Seq) FROM Events");
        foreach (var (key, scope, window) in boards)
        {
            var load = await reader.LoadBoard(scope, PeriodOf(third, window));
            Assert.InRange(load.RestoredUpTo, 1, highWater - 10); // from the snapshot, plus a tail of ten events
        }

        Assert.InRange((await reader.LoadDepartment(research)).RestoredUpTo, 1, highWater - 10);

        // What the whole log says: the same reads with no snapshot stored.
        await using (var db = await third.Services.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync())
        {
            await db.ProjectionSnapshots.Where(s => s.Key != ProjectionSnapshotStore.EpochKey).ExecuteDeleteAsync();
        }

        foreach (var (key, scope, window) in boards)
        {
            var whole = await reader.LoadBoard(scope, PeriodOf(third, window));
            Assert.Equal(0, whole.RestoredUpTo);
            Assert.Equal(Sorted(whole.Scores), answers.Boards[key]);
        }

        var totals = await reader.LoadDepartment(research);
        Assert.Equal(0, totals.RestoredUpTo);
        Assert.Equal((totals.Points, totals.Events), answers.Department);
        Assert.True(totals.Events > 10);
    }

    [Fact]
    public async Task A_rescore_and_an_erasure_forget_every_snapshot_and_a_snapshot_read_before_is_not_stored_after()
    {
        await using var factory = GamifyHubFactory.With(SnapshotAfter(1));
        var research = await DepartmentOf(factory, ApiClient.Ravi);
        var boards = Boards(research);
        await Post(factory.WithApiKey(), ApiClient.Lena, 6);
        await ReadAll(factory, boards, research);
        await Eventually.True(async () => await Stored(factory, boards, research) == boards.Count + 1, 30_000);
        var reader = factory.Services.GetRequiredService<ProjectionReader>();
        var store = factory.Services.GetRequiredService<ProjectionSnapshotStore>();
        var admin = await factory.SignedIn(ApiClient.Admin);

        // A rescore: insights now earn 7.
        var before = await reader.LoadBoard(BoardScope.Employees, PeriodOf(factory, BoardWindow.All));
        var rules = JsonNode.Parse(await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync())!;
        foreach (var rule in rules["rules"]!.AsArray().Where(r => r!["action"]!.GetValue<string>() == "insight"))
        {
            rule!["points"] = 7;
        }

        (await admin.PostAsync("/api/admin/rules/apply", new StringContent(rules.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();
        await AssertForgotten(factory, store, before);
        await AssertAnswersAreTheWholeLog(factory, boards, research);

        // An erasure: Lena's lines go to her department's former colleague, who is on no individual board.
        var lena = await IdOf(factory, ApiClient.Lena);
        Assert.Contains(lena, before.Scores.Keys);
        await Eventually.True(async () => await Stored(factory, boards, research) == boards.Count + 1, 30_000);
        before = await reader.LoadBoard(BoardScope.Employees, PeriodOf(factory, BoardWindow.All));
        (await admin.PostAsJsonAsync($"/api/admin/people/{lena}/erase", new { confirm = "ERASE" })).EnsureSuccessStatusCode();
        await AssertForgotten(factory, store, before);
        var answers = await AssertAnswersAreTheWholeLog(factory, boards, research);
        Assert.DoesNotContain(answers.Boards["employees/all"], r => r.Key == lena);
    }

    /// <summary>No snapshot of the epoch <paramref name="before"/> was read under is left, and one read then is refused now.</summary>
    private static async Task AssertForgotten(GamifyHubFactory factory, ProjectionSnapshotStore store, BoardLoad before)
    {
        Assert.Equal(0, await Scalar<long>(factory, $"SELECT count(*) FROM ProjectionSnapshots WHERE Key <> '' AND Epoch = {before.Epoch}"));
        Assert.True(await Scalar<long>(factory, "SELECT Seq FROM ProjectionSnapshots WHERE Key = ''") > before.Epoch);
        var key = ProjectionSnapshotFormat.BoardKey(BoardScope.Employees, BoardWindow.All);
        var period = ProjectionSnapshotFormat.PeriodText(PeriodOf(factory, BoardWindow.All));
        Assert.False(await store.SaveAsync(key, period, before.HighWater + 1_000_000, before.Epoch, ProjectionSnapshotFormat.WriteScores(before.Scores)));
        Assert.Equal(0, await Scalar<long>(factory, $"SELECT count(*) FROM ProjectionSnapshots WHERE Key <> '' AND Epoch = {before.Epoch}"));
    }

    /// <summary>The grains' answers, and that they equal what the whole log adds up to.</summary>
    private static async Task<Answers> AssertAnswersAreTheWholeLog(GamifyHubFactory factory, List<(string Key, BoardScope Scope, BoardWindow Window)> boards,
        Guid research)
    {
        var answers = await ReadAll(factory, boards, research);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync();
        foreach (var (key, scope, window) in boards)
        {
            Assert.Equal(Sorted(await WholeLog(db, scope, PeriodOf(factory, window))), answers.Boards[key]);
        }

        var points = await db.Awards.Where(a => a.DepartmentId == research).SumAsync(a => (long)a.Points);
        var events = await db.Events.LongCountAsync(e => e.DepartmentId == research);
        Assert.Equal((points, events), answers.Department);
        return answers;
    }

    /// <summary>A board summed from every award line, independently of the reader.</summary>
    private static async Task<Dictionary<Guid, long>> WholeLog(GamifyDbContext db, BoardScope scope, Period period)
    {
        var lines = await db.Awards.Select(a => new { a.EmployeeId, a.DepartmentId, a.Points, a.OccurredAt }).ToListAsync();
        var people = (await db.Employees.Select(e => e.Id).ToListAsync()).ToHashSet();
        var scores = lines
            .Where(a => period.Contains(new DateTimeOffset(DateTime.SpecifyKind(a.OccurredAt, DateTimeKind.Utc))))
            .Where(a => scope.Kind != BoardKind.Department || a.DepartmentId == scope.DepartmentId)
            .GroupBy(a => scope.Kind == BoardKind.Departments ? a.DepartmentId : a.EmployeeId)
            .Where(g => scope.Kind == BoardKind.Departments || people.Contains(g.Key))
            .ToDictionary(g => g.Key, g => g.Sum(a => (long)a.Points));
        if (scope.Kind == BoardKind.Departments)
        {
            foreach (var id in await db.Departments.Select(d => d.Id).ToListAsync())
            {
                scores.TryAdd(id, 0);
            }
        }

        return scores;
    }

    private sealed record Answers(Dictionary<string, List<KeyValuePair<Guid, long>>> Boards, (long Points, long Events) Department);

    private static List<(string Key, BoardScope Scope, BoardWindow Window)> Boards(Guid department) =>
    [
        ("employees/all", BoardScope.Employees, BoardWindow.All),
        ("departments/week", BoardScope.Departments, BoardWindow.Week),
        ($"department-{department:D}/day", BoardScope.Department(department), BoardWindow.Day),
        ("employees/month", BoardScope.Employees, BoardWindow.Month),
    ];

    private static async Task<Answers> ReadAll(GamifyHubFactory factory, List<(string Key, BoardScope Scope, BoardWindow Window)> boards, Guid department)
    {
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var read = new Dictionary<string, List<KeyValuePair<Guid, long>>>();
        foreach (var (key, _, _) in boards)
        {
            var snapshot = await grains.GetGrain<IBoardGrain>(key).GetSnapshot(10_000, null, false, 0);
            read[key] = [.. snapshot.Rows.Select(r => KeyValuePair.Create(r.MemberId, r.Score)).OrderBy(r => r.Key)];
        }

        var summary = await grains.GetGrain<IDepartmentGrain>(department).GetSummary();
        return new Answers(read, (summary.Points, summary.Events));
    }

    /// <summary>How many of the boards' and the department's snapshots are stored.</summary>
    private static async Task<long> Stored(GamifyHubFactory factory, List<(string Key, BoardScope Scope, BoardWindow Window)> boards, Guid department)
    {
        var keys = boards.Select(b => ProjectionSnapshotFormat.BoardKey(b.Scope, b.Window)).Append(ProjectionSnapshotFormat.DepartmentKey(department));
        return await Scalar<long>(factory, $"SELECT count(*) FROM ProjectionSnapshots WHERE Key IN ({string.Join(", ", keys.Select(k => $"'{k}'"))})");
    }

    private static Period PeriodOf(GamifyHubFactory factory, BoardWindow window) => Period.Find(window,
        factory.Services.GetRequiredService<TimeProvider>().GetUtcNow(), factory.Services.GetRequiredService<IOptions<CompanyOptions>>().Value.Zone,
        factory.Services.GetRequiredService<SeasonBook>().Current)!;

    private static List<KeyValuePair<Guid, long>> Sorted(Dictionary<Guid, long> scores) => [.. scores.OrderBy(s => s.Key)];

    /// <summary>Events of the last minutes (on every window's current board), answered once committed.</summary>
    private static async Task Post(HttpClient integration, string employee, int count)
    {
        string[] types = ["insight", "reply", "tag", "read"];
        var start = DateTime.UtcNow.AddMinutes(-10);
        var events = Enumerable.Range(0, count).Select(i => new
        {
            eventId = Guid.CreateVersion7(), employee, type = types[i % types.Length], occurredAt = start.AddSeconds(20 * i).ToString("O"),
        }).ToArray();
        (await integration.PostAsJsonAsync("/api/events/batch", new { events })).EnsureSuccessStatusCode();
    }

    private static async Task<Guid> IdOf(GamifyHubFactory factory, string email)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync();
        return await db.Employees.Where(e => e.Email == email).Select(e => e.Id).SingleAsync();
    }

    private static async Task<Guid> DepartmentOf(GamifyHubFactory factory, string email)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync();
        return await db.Employees.Where(e => e.Email == email).Select(e => e.DepartmentId).SingleAsync();
    }

    private static async Task<T> Scalar<T>(GamifyHubFactory factory, string sql) => await new DatabaseProbe(factory.DatabasePath).Scalar<T>(sql);
}
