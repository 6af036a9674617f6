using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace GamifyHub.Server.Tests;

/// <summary>Issue 12 item 5 and the department half of item 8, through the real pipeline: the minimum group size holds on
/// narrower views (department boards, their pushes, employee rows, insights totals), and department boards of no department
/// are refused before a board grain exists for them. Each test puts the privacy settings back.</summary>
public sealed class GroupSizeTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static readonly object Defaults = new { individualBoards = true, minimumGroupSize = 5, managersSeeIndividuals = false };

    private static async Task Set(HttpClient admin, object settings) =>
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/privacy", settings)).StatusCode);

    private static List<JsonElement> Rows(JsonElement board) => [.. board.GetProperty("rows").EnumerateArray()];

    /// <summary>Research &amp; Development's id and headcount (Ravi's department).</summary>
    private static async Task<(string Id, int Headcount)> Research(HttpClient ravi)
    {
        var id = (await ravi.GetJson("/api/me")).GetProperty("departmentId").GetString()!;
        var row = Rows(await ravi.GetJson("/api/boards/departments?window=all&top=100&view=per-head"))
            .Single(r => r.GetProperty("memberId").GetString() == id);
        return (id, row.GetProperty("headcount").GetInt32());
    }

    [Fact]
    public async Task A_small_departments_board_shows_others_nothing_and_its_member_only_their_own_row_in_answers_and_pushes()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var (rnd, headcount) = await Research(ravi);
        var board = $"department-{rnd}";
        await BoardStanding.LiftIntoTopHalf(factory, ravi, ApiClient.Ravi, board, "all");
        Assert.True(Rows(await sofia.GetJson($"/api/boards/{board}?window=all&top=100")).Count >= 2, "the demo's R&D board lists people");

        await Set(admin, new { individualBoards = true, minimumGroupSize = headcount + 1, managersSeeIndividuals = false });
        try
        {
            var others = await sofia.GetJson($"/api/boards/{board}?window=all&top=100");
            Assert.Empty(Rows(others));
            Assert.Equal(JsonValueKind.Null, others.GetProperty("me").ValueKind);
            Assert.Equal("group-too-small", others.GetProperty("notice").GetString());
            Assert.Equal(0, others.GetProperty("visibleRanks").GetInt32());

            var own = await ravi.GetJson($"/api/boards/{board}?window=all&top=100");
            var mine = Assert.Single(Rows(own));
            Assert.True(mine.GetProperty("isYou").GetBoolean());
            Assert.Equal(0, mine.GetProperty("rank").GetInt32());
            Assert.Equal(0, own.GetProperty("me").GetProperty("rank").GetInt32());
            Assert.DoesNotContain(Rows(await ravi.GetJson($"/api/boards/{board}?window=all&top=100&around=me")),
                r => !r.GetProperty("isYou").GetBoolean());

            await using var live = await LiveClient.Connect(factory, ApiClient.Sofia);
            var watched = await live.WatchBoard(board, "all");
            Assert.Empty(Rows(watched));
            Assert.Equal("group-too-small", watched.GetProperty("notice").GetString());
            await using var ownLive = await LiveClient.Connect(factory, ApiClient.Ravi);
            Assert.True(Assert.Single(Rows(await ownLive.WatchBoard(board, "all"))).GetProperty("isYou").GetBoolean());

            // Ravi earns points: the board changes, and its push to watchers carries no one's row.
            var integration = factory.WithApiKey();
            Assert.True((await integration.PostAsJsonAsync("/api/events", new
            {
                eventId = Guid.CreateVersion7(), employee = ApiClient.Ravi, type = "reply",
                occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
            })).IsSuccessStatusCode);
            await Eventually.True(() => Task.FromResult(live.BoardChanges.Any(c => c.GetProperty("board").GetString() == board)), 30_000);
            Assert.All(live.BoardChanges.Where(c => c.GetProperty("board").GetString() == board), c =>
            {
                Assert.Empty(Rows(c));
                Assert.Equal(JsonValueKind.Null, c.GetProperty("me").ValueKind);
            });
        }
        finally
        {
            await Set(admin, Defaults);
        }

        Assert.True(Rows(await sofia.GetJson($"/api/boards/{board}?window=all&top=100")).Count >= 2);
    }

    [Fact]
    public async Task Pseudonymous_rows_of_the_employees_board_name_no_department()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        await BoardStanding.LiftIntoTopHalf(factory, ravi, ApiClient.Ravi, "employees", "all");
        var pseudonymId = (await ravi.GetJson("/api/me/privacy")).GetProperty("pseudonymId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await ravi.PutAsJsonAsync("/api/me/privacy", new { rankedByName = false })).StatusCode);
        try
        {
            var rows = Rows(await sofia.GetJson("/api/boards/employees?window=all&top=100"));
            var row = rows.Single(r => r.GetProperty("memberId").GetString() == pseudonymId);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("departmentName").ValueKind);
            Assert.All(rows.Where(r => r.GetProperty("pseudonym").GetBoolean()),
                r => Assert.Equal(JsonValueKind.Null, r.GetProperty("departmentName").ValueKind));
            Assert.Contains(rows, r => !r.GetProperty("pseudonym").GetBoolean() && r.GetProperty("departmentName").GetString() is not null);

            // The reader's own row keeps their department.
            var own = await ravi.GetJson("/api/boards/employees?window=all&top=1");
            Assert.Equal("Research & Development", own.GetProperty("me").GetProperty("departmentName").GetString());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await ravi.PutAsJsonAsync("/api/me/privacy", new { rankedByName = true })).StatusCode);
        }
    }

    [Fact]
    public async Task Insights_leave_small_departments_out_of_every_count_so_totals_minus_the_shown_departments_is_zero()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var (rnd, headcount) = await Research(ravi);
        var title = $"Group size insight {Guid.NewGuid():N}";
        foreach (var person in new[] { ravi, sofia })
        {
            var item = await person.FirstOpenItem();
            Assert.Equal(HttpStatusCode.OK, (await person.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "insight", title })).StatusCode);
        }

        IEnumerable<JsonElement> Item(JsonElement insights) => insights.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("title").GetString() == title);
        var before = Assert.Single(Item(await sofia.GetJson("/api/insights?window=all&top=200")));
        Assert.Equal(2, before.GetProperty("linkCount").GetInt32());
        Assert.Equal(2, before.GetProperty("linkedBy").GetArrayLength());

        // R&D and Customer Service are the demo's largest departments (the same size): one more and both are withheld.
        var service = (await sofia.GetJson("/api/me")).GetProperty("departmentId").GetString();
        await Set(admin, new { individualBoards = true, minimumGroupSize = headcount + 1, managersSeeIndividuals = false });
        try
        {
            var insights = await sofia.GetJson("/api/insights?window=all&top=200");
            foreach (var entry in insights.GetProperty("items").EnumerateArray())
            {
                var linkedBy = entry.GetProperty("linkedBy").EnumerateArray().ToList();
                Assert.Equal(entry.GetProperty("linkCount").GetInt32(), linkedBy.Sum(d => d.GetProperty("count").GetInt32()));
                Assert.DoesNotContain(linkedBy, d => d.GetProperty("id").GetString() == rnd || d.GetProperty("id").GetString() == service);
            }

            // Only withheld departments linked it: nothing is left to count, not even the item.
            Assert.Empty(Item(insights));
        }
        finally
        {
            await Set(admin, Defaults);
        }
    }

    [Fact]
    public async Task A_board_of_no_department_is_refused_and_no_board_grain_is_activated_for_it()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var (rnd, _) = await Research(ravi);
        var unknown = Guid.NewGuid();

        await ProblemAssert.Is(await ravi.GetAsync($"/api/boards/department-{unknown}?window=day"), HttpStatusCode.NotFound, "no department");
        await using var live = await LiveClient.Connect(factory, ApiClient.Ravi);
        var refused = await Assert.ThrowsAsync<HubException>(() => live.WatchBoard($"department-{unknown}", "day"));
        Assert.Contains("no department", refused.Message);

        // A known department's board does activate its grain, so the look-up below sees board grains.
        Assert.Equal(HttpStatusCode.OK, (await ravi.GetAsync($"/api/boards/department-{rnd}?window=day")).StatusCode);
        var management = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var grains = (await management.GetDetailedGrainStatistics()).Select(s => s.GrainId.ToString()).ToList();
        Assert.Contains(grains, g => g.Contains($"department-{rnd}/day", StringComparison.Ordinal));
        Assert.DoesNotContain(grains, g => g.Contains(unknown.ToString(), StringComparison.Ordinal));
    }
}
