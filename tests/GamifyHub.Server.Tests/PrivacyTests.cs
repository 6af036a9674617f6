using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Tests;

/// <summary>Issue 7 point 4: privacy settings (admins), consent and pseudonyms, minimum group size, supervisors without
/// individuals, no bottom ranks. Each test sets the settings it needs and puts the defaults back.</summary>
public sealed class PrivacyTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static readonly object Defaults = new { individualBoards = true, minimumGroupSize = 5, managersSeeIndividuals = false };

    private static async Task Set(HttpClient admin, object settings) =>
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/privacy", settings)).StatusCode);

    private static IEnumerable<JsonElement> Rows(JsonElement board) => board.GetProperty("rows").EnumerateArray();

    private static async Task<string> Id(HttpClient client) => (await client.GetJson("/api/me")).GetProperty("employeeId").GetString()!;

    [Fact]
    public async Task Settings_are_for_admins_validated_kept_with_their_history_and_audited()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var ravi = await factory.SignedIn(ApiClient.Ravi);

        var initial = await admin.GetJson("/api/admin/privacy");
        Assert.True(initial.GetProperty("individualBoards").GetBoolean());
        Assert.Equal(5, initial.GetProperty("minimumGroupSize").GetInt32());
        Assert.False(initial.GetProperty("managersSeeIndividuals").GetBoolean());

        Assert.Equal(HttpStatusCode.Forbidden, (await lena.GetAsync("/api/admin/privacy")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PutAsJsonAsync("/api/admin/privacy", Defaults)).StatusCode);
        await ProblemAssert.Is(await admin.PutAsJsonAsync("/api/admin/privacy", new { }), HttpStatusCode.BadRequest, "individualBoards");
        await ProblemAssert.Is(await admin.PutAsJsonAsync("/api/admin/privacy",
            new { individualBoards = true, minimumGroupSize = 0, managersSeeIndividuals = false }), HttpStatusCode.BadRequest, "minimumGroupSize");
        await ProblemAssert.Is(await admin.PutAsJsonAsync("/api/admin/privacy",
            new { individualBoards = true, minimumGroupSize = 51, managersSeeIndividuals = false }), HttpStatusCode.BadRequest, "minimumGroupSize");
        Assert.Equal(5, (await admin.GetJson("/api/admin/privacy")).GetProperty("minimumGroupSize").GetInt32());

        var started = DateTime.UtcNow.AddSeconds(-1);
        var answer = await admin.PutAsJsonAsync("/api/admin/privacy",
            new { individualBoards = false, minimumGroupSize = 7, managersSeeIndividuals = true });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var saved = await admin.GetJson("/api/admin/privacy");
        Assert.False(saved.GetProperty("individualBoards").GetBoolean());
        Assert.Equal(7, saved.GetProperty("minimumGroupSize").GetInt32());
        Assert.True(saved.GetProperty("managersSeeIndividuals").GetBoolean());
        var last = saved.GetProperty("history").EnumerateArray().First();
        Assert.Equal(ApiClient.Admin, last.GetProperty("actor").GetString());
        Assert.True(last.GetProperty("at").GetDateTime() >= started);

        var audit = (await admin.GetJson("/api/admin/audit?action=privacy.changed")).GetProperty("entries").EnumerateArray().First();
        Assert.Equal(ApiClient.Admin, audit.GetProperty("actor").GetString());
        var details = audit.GetProperty("details").ToString();
        Assert.Contains("\"before\"", details);
        Assert.Contains("\"minimumGroupSize\":5", details);
        Assert.Contains("\"minimumGroupSize\":7", details);

        await Set(admin, Defaults);
        Assert.Equal(2, (await admin.GetJson("/api/admin/privacy")).GetProperty("history").GetArrayLength() - (initial.GetProperty("history").GetArrayLength()));
    }

    [Fact]
    public async Task Consent_is_kept_with_its_times_costs_no_points_and_others_see_a_stable_pseudonym_while_revoked()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var admin = await factory.SignedIn(ApiClient.Admin);
        var raviId = await Id(ravi);
        await BoardStanding.LiftIntoTopHalf(factory, ravi, ApiClient.Ravi, "employees", "all");

        var mine = await ravi.GetJson("/api/me/privacy");
        Assert.True(mine.GetProperty("rankedByName").GetBoolean(), "the demo seeds Ravi's consent");
        var pseudonym = mine.GetProperty("pseudonym").GetString()!;
        var pseudonymId = mine.GetProperty("pseudonymId").GetString()!;
        Assert.Matches("^Colleague [0-9A-F]{4}$", pseudonym);
        Assert.NotEqual(raviId, pseudonymId);
        var me = await ravi.GetJson("/api/me");
        await ProblemAssert.Is(await ravi.PutAsJsonAsync("/api/me/privacy", new { }), HttpStatusCode.BadRequest, "rankedByName");

        var revoked = await (await ravi.PutAsJsonAsync("/api/me/privacy", new { rankedByName = false })).Json();
        Assert.False(revoked.GetProperty("rankedByName").GetBoolean());
        var history = revoked.GetProperty("history").EnumerateArray().ToList();
        Assert.True(history[^1].GetProperty("at").GetDateTime() >= history[0].GetProperty("at").GetDateTime());
        Assert.False(history[^1].GetProperty("rankedByName").GetBoolean());
        Assert.True(history[^2].GetProperty("rankedByName").GetBoolean());

        // No loss of points, level or badges: only how Ravi appears changed.
        var after = await ravi.GetJson("/api/me");
        Assert.Equal(me.GetProperty("points").GetInt64(), after.GetProperty("points").GetInt64());
        Assert.Equal(me.GetProperty("level").ToString(), after.GetProperty("level").ToString());
        Assert.Equal(me.GetProperty("badges").GetArrayLength(), after.GetProperty("badges").GetArrayLength());

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var seen = await sofia.GetJson("/api/boards/employees?window=all&top=100");
            Assert.DoesNotContain(Rows(seen), r => r.GetProperty("memberId").GetString() == raviId);
            Assert.DoesNotContain(Rows(seen), r => r.GetProperty("name").GetString() == "Ravi Patel");
            var row = Rows(seen).Single(r => r.GetProperty("memberId").GetString() == pseudonymId);
            Assert.Equal(pseudonym, row.GetProperty("name").GetString());
            Assert.True(row.GetProperty("pseudonym").GetBoolean());
        }

        var own = await ravi.GetJson("/api/boards/employees?window=all&top=1");
        Assert.Equal("Ravi Patel", own.GetProperty("me").GetProperty("name").GetString());
        Assert.True(own.GetProperty("me").GetProperty("isYou").GetBoolean());

        var given = await (await ravi.PutAsJsonAsync("/api/me/privacy", new { rankedByName = true })).Json();
        Assert.True(given.GetProperty("rankedByName").GetBoolean());
        Assert.Equal(history.Count + 1, given.GetProperty("history").GetArrayLength());
        var named = Rows(await sofia.GetJson("/api/boards/employees?window=all&top=100")).Single(r => r.GetProperty("memberId").GetString() == raviId);
        Assert.Equal("Ravi Patel", named.GetProperty("name").GetString());
        Assert.Equal(me.GetProperty("points").GetInt64(), (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64());

        var consentLines = (await admin.GetJson("/api/admin/audit?action=consent.")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("actor").GetString() == ApiClient.Ravi).Select(e => e.GetProperty("action").GetString()).Take(2).ToList();
        Assert.Equal(["consent.given", "consent.revoked"], consentLines);
    }

    [Fact]
    public async Task Departments_below_the_minimum_group_size_show_no_figures_and_the_others_rank_among_themselves()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var departments = (await ravi.GetJson("/api/boards/departments?window=all&top=100&view=per-head")).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("memberId").GetString()!, r => r.GetProperty("headcount").GetInt32());
        var size = departments.Values.Max();
        Assert.True(departments.Values.Min() < size, "the demo's departments differ in size");
        await Set(admin, new { individualBoards = true, minimumGroupSize = size, managersSeeIndividuals = false });
        try
        {
            foreach (var url in new[] { "/api/boards/departments?window=all&top=100", "/api/boards/departments?window=all&top=100&view=per-head" })
            {
                var board = await ravi.GetJson(url);
                var rows = Rows(board).ToList();
                Assert.Equal(departments.Count, rows.Count);
                foreach (var row in rows)
                {
                    var small = departments[row.GetProperty("memberId").GetString()!] < size;
                    Assert.Equal(small, row.GetProperty("withheld").GetBoolean());
                    if (small)
                    {
                        Assert.Equal(0, row.GetProperty("rank").GetInt32());
                        Assert.Equal(0, row.GetProperty("score").GetInt64());
                    }
                }

                var ranks = rows.Where(r => !r.GetProperty("withheld").GetBoolean()).Select(r => r.GetProperty("rank").GetInt32()).ToList();
                Assert.Equal(1, ranks[0]);
                Assert.All(ranks, r => Assert.InRange(r, 1, ranks.Count));
            }

            // Who linked feedback to backlog items (insights) is people's work: a department below the size shows no count.
            var title = $"Privacy insight {Guid.NewGuid():N}";
            var item = await ravi.FirstOpenItem();
            Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "insight", title })).StatusCode);
            JsonElement LinkedBy(JsonElement insights) => insights.GetProperty("items").EnumerateArray()
                .Single(i => i.GetProperty("title").GetString() == title).GetProperty("linkedBy").EnumerateArray().Single();
            var shown = LinkedBy(await ravi.GetJson("/api/insights?window=all&top=200"));
            Assert.Equal(1, shown.GetProperty("count").GetInt32());
            await Set(admin, new { individualBoards = true, minimumGroupSize = size + 1, managersSeeIndividuals = false });
            // Below the size its links are in no count at all (a total next to a withheld row would give it away by
            // subtraction): the item only R&D linked is not listed (GroupSizeTests has the arithmetic).
            Assert.DoesNotContain((await ravi.GetJson("/api/insights?window=all&top=200")).GetProperty("items").EnumerateArray(),
                i => i.GetProperty("title").GetString() == title);
        }
        finally
        {
            await Set(admin, Defaults);
        }

        Assert.DoesNotContain(Rows(await ravi.GetJson("/api/boards/departments?window=all&top=100")), r => r.GetProperty("withheld").GetBoolean());
    }

    [Fact]
    public async Task Managers_and_admins_see_team_activity_without_individuals_unless_allowed()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var rnd = (await ravi.GetJson("/api/me")).GetProperty("departmentId").GetString();
        var item = await ravi.FirstOpenItem();
        Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "resolve", note = "Done" })).StatusCode);

        static List<JsonElement> Actors(JsonElement page) =>
            [.. page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("actor")).Where(a => a.ValueKind == JsonValueKind.Object)];

        foreach (var supervisor in new[] { lena, admin })
        {
            var actors = Actors(await supervisor.GetJson($"/api/departments/{rnd}/activity?limit=20"));
            Assert.NotEmpty(actors);
            Assert.All(actors, a =>
            {
                Assert.Equal(JsonValueKind.Null, a.GetProperty("id").ValueKind);
                Assert.Equal(JsonValueKind.Null, a.GetProperty("name").ValueKind);
                Assert.Equal(rnd, a.GetProperty("departmentId").GetString());
            });
        }

        // A member of the team sees colleagues by name or pseudonym, never blank.
        Assert.All(Actors(await ravi.GetJson($"/api/departments/{rnd}/activity?limit=20")),
            a => Assert.False(string.IsNullOrEmpty(a.GetProperty("name").GetString())));

        await Set(admin, new { individualBoards = true, minimumGroupSize = 5, managersSeeIndividuals = true });
        try
        {
            var first = Actors(await lena.GetJson($"/api/departments/{rnd}/activity?limit=20"))[0];
            Assert.Equal("Ravi Patel", first.GetProperty("name").GetString());
        }
        finally
        {
            await Set(admin, Defaults);
        }
    }

    [Fact]
    public async Task No_board_lists_the_bottom_ranks_of_individuals()
    {
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var sofiaId = await Id(sofia);
        var rnd = (await (await factory.SignedIn(ApiClient.Ravi)).GetJson("/api/me")).GetProperty("departmentId").GetString();
        foreach (var url in new[]
                 {
                     "/api/boards/employees?window=all&top=100", "/api/boards/employees?window=week&top=100",
                     "/api/boards/employees?window=all&around=me", $"/api/boards/department-{rnd}?window=all&top=100",
                 })
        {
            var board = await sofia.GetJson(url);
            var visible = board.GetProperty("visibleRanks").GetInt32();
            var others = Rows(board).Where(r => !r.GetProperty("isYou").GetBoolean()).ToList();
            Assert.All(others, r => Assert.InRange(r.GetProperty("rank").GetInt32(), 1, visible));
            Assert.DoesNotContain(others, r => r.GetProperty("memberId").GetString() == sofiaId);
        }

        // The whole board (everyone with points this all-time window) is more than its listed top half. People tied at the
        // last listed rank are all listed (competition ranking: 1, 2, 2, 4), so count by rank, not rows: fewer than
        // visibleRanks people can rank above the cut.
        var all = await sofia.GetJson("/api/boards/employees?window=all&top=100");
        var cut = all.GetProperty("visibleRanks").GetInt32();
        Assert.True(Rows(all).Count(r => !r.GetProperty("isYou").GetBoolean() && r.GetProperty("rank").GetInt32() < cut) < cut);
        Assert.True(cut < 39);
    }

    [Fact]
    public async Task With_individual_boards_off_only_department_boards_answer_and_the_hub_refuses_the_others()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var rnd = (await ravi.GetJson("/api/me")).GetProperty("departmentId").GetString();
        await Set(admin, new { individualBoards = false, minimumGroupSize = 5, managersSeeIndividuals = false });
        try
        {
            await ProblemAssert.Is(await ravi.GetAsync("/api/boards/employees?window=week"), HttpStatusCode.Forbidden, "Individual boards");
            await ProblemAssert.Is(await ravi.GetAsync($"/api/boards/department-{rnd}?window=week"), HttpStatusCode.Forbidden, "Individual boards");
            Assert.Equal(HttpStatusCode.OK, (await ravi.GetAsync("/api/boards/departments?window=week")).StatusCode);
            Assert.False((await ravi.GetJson("/api/me/privacy")).GetProperty("individualBoards").GetBoolean());

            await using var live = await LiveClient.Connect(factory, ApiClient.Ravi);
            var refused = await Assert.ThrowsAsync<HubException>(() => live.WatchBoard("employees", "week"));
            Assert.Contains("Individual boards", refused.Message);
            Assert.Equal("departments", (await live.WatchBoard("departments", "week")).GetProperty("board").GetString());
        }
        finally
        {
            await Set(admin, Defaults);
        }
    }

    [Fact]
    public async Task A_watcher_is_told_to_reread_on_a_consent_change_and_no_push_pairs_a_pseudonym_with_the_name()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var sofiaHttp = await factory.SignedIn(ApiClient.Sofia);
        var raviId = await Id(ravi);
        await BoardStanding.LiftIntoTopHalf(factory, ravi, ApiClient.Ravi, "employees", "month");
        var mine = await ravi.GetJson("/api/me/privacy");
        Assert.True(mine.GetProperty("rankedByName").GetBoolean());
        var firstPseudonymId = mine.GetProperty("pseudonymId").GetString();
        var firstPseudonym = mine.GetProperty("pseudonym").GetString();

        await using var sofia = await LiveClient.Connect(factory, ApiClient.Sofia);
        var snapshot = await sofia.WatchBoard("employees", "month");
        Assert.Contains(Rows(snapshot), r => r.GetProperty("memberId").GetString() == raviId && r.GetProperty("name").GetString() == "Ravi Patel");

        async Task<List<JsonElement>> Reread() => [.. Rows(await sofiaHttp.GetJson("/api/boards/employees?window=month&top=100"))];
        async Task OptAndAwaitRefresh(bool rankedByName)
        {
            var seen = sofia.BoardChanges.Count;
            Assert.Equal(HttpStatusCode.OK, (await ravi.PutAsJsonAsync("/api/me/privacy", new { rankedByName })).StatusCode);
            await Eventually.True(() => Task.FromResult(sofia.BoardChanges.Skip(seen).Any(c => c.GetProperty("window").GetString() == "month"
                && c.TryGetProperty("refresh", out var refresh) && refresh.GetBoolean() && !Rows(c).Any())));
        }

        // Opt out: the row the re-read shows is the pseudonym Ravi was told he would get.
        await OptAndAwaitRefresh(false);
        Assert.Contains(await Reread(), r => r.GetProperty("memberId").GetString() == firstPseudonymId
            && r.GetProperty("name").GetString() == firstPseudonym);
        Assert.DoesNotContain(await Reread(), r => r.GetProperty("memberId").GetString() == raviId);

        // Opt in, then out again: a new pseudonym, which nothing ties to the first one.
        await OptAndAwaitRefresh(true);
        Assert.Contains(await Reread(), r => r.GetProperty("memberId").GetString() == raviId);
        await OptAndAwaitRefresh(false);
        var again = await ravi.GetJson("/api/me/privacy");
        var secondPseudonymId = again.GetProperty("pseudonymId").GetString();
        Assert.NotEqual(firstPseudonymId, secondPseudonymId);
        Assert.NotEqual(firstPseudonym, again.GetProperty("pseudonym").GetString());
        Assert.Contains(await Reread(), r => r.GetProperty("memberId").GetString() == secondPseudonymId);
        Assert.DoesNotContain(await Reread(), r => r.GetProperty("memberId").GetString() == firstPseudonymId);

        // No push ever carried Ravi's id or name next to a pseudonym id (or any id he had before).
        foreach (var change in sofia.BoardChanges)
        {
            var text = change.GetRawText();
            var ids = new[] { raviId!, firstPseudonymId!, secondPseudonymId! }.Count(id => text.Contains(id, StringComparison.OrdinalIgnoreCase));
            Assert.True(ids <= 1, $"A push held more than one of Ravi's ids: {text}");
            Assert.False(text.Contains("Ravi Patel", StringComparison.Ordinal) && ids > 0 && !text.Contains(raviId!, StringComparison.OrdinalIgnoreCase),
                $"A push paired Ravi's name with a pseudonym: {text}");
        }

        Assert.Equal(HttpStatusCode.OK, (await ravi.PutAsJsonAsync("/api/me/privacy", new { rankedByName = true })).StatusCode);
    }
}
