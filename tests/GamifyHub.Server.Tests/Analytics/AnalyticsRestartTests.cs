using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Grains.Analytics;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests.Analytics;

/// <summary>Engagement figures are a projection of the log: a restarted process (a new silo on the same database) answers
/// the same figures and keeps pushing; an erasure rewrites the log and the figures follow it.</summary>
public sealed class AnalyticsRestartTests
{
    [Fact]
    public async Task Figures_survive_a_restart_and_pushes_resume_and_an_erasure_keeps_the_items_figures()
    {
        var path = TempDatabase.NewPath();
        string rnd;
        string raviId;
        Dictionary<string, string> before;
        await using (var first = GamifyHubFactory.OnDatabase(path))
        {
            var ravi = await first.SignedIn(ApiClient.Ravi);
            var me = await ravi.GetJson("/api/me");
            rnd = me.GetProperty("departmentId").GetString()!;
            raviId = me.GetProperty("employeeId").GetString()!;
            var item = await ravi.FirstOpenItem(i => i.GetProperty("replyCount").GetInt32() == 0 && !i.GetProperty("readByMe").GetBoolean());
            var replies = await Replies(ravi, rnd);
            foreach (var action in new object[] { new { type = "read" }, new { type = "reply", text = "Hi" }, new { type = "resolve", note = "Done" } })
            {
                Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", action)).StatusCode);
            }

            // All three applied (they may reach the projection in different batches) before the figures are taken.
            await Eventually.True(async () => await Replies(ravi, rnd) is var now && now.Reads > replies.Reads && now.Replies > replies.Replies
                && now.Resolves > replies.Resolves, 30_000);
            before = await Settled(ravi, rnd);
        }

        await using var second = GamifyHubFactory.OnDatabase(path);
        var raviAgain = await second.SignedIn(ApiClient.Ravi);
        Assert.Equal(before, await Figures(raviAgain, rnd));

        // The department grains of the new silo push again.
        await using var lena = await LiveClient.Connect(second, ApiClient.Lena);
        await lena.WatchAnalytics(rnd);
        var next = await raviAgain.FirstOpenItem(i => !i.GetProperty("readByMe").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await raviAgain.PostAsJsonAsync($"/api/feedback/{next}/actions", new { type = "read" })).StatusCode);
        await Eventually.True(() => Task.FromResult(lena.AnalyticsChanges.Any(c => c.GetProperty("departmentId").GetString() == rnd)), 30_000);

        // Erasing Ravi moves his events to R&D's former colleague: the items keep their figures, he is no participant any more.
        var lenaApi = await second.SignedIn(ApiClient.Lena);
        var settled = await Settled(lenaApi, rnd);
        var admin = await second.SignedIn(ApiClient.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/admin/people/{raviId}/erase", new { confirm = "ERASE" })).StatusCode);
        var after = await lenaApi.GetJson($"/api/analytics/departments/{rnd}?window=all");
        var was = JsonDocument.Parse(settled["all"]).RootElement;
        Assert.Equal(was.GetProperty("readRate").GetDouble(), after.GetProperty("readRate").GetDouble());
        Assert.Equal(was.GetProperty("firstResponse").GetRawText(), after.GetProperty("firstResponse").GetRawText());
        Assert.True(after.GetProperty("participationRate").GetDouble() < was.GetProperty("participationRate").GetDouble());
    }

    /// <summary>
    /// The figures once the log has stopped moving: an answer may trail the log by up to <see cref="DepartmentEngagementGrain.Freshness"/>
    /// while events arrive (a grain counts again at most that often), so two reads that far apart must agree; a loaded machine
    /// applied the last action after a window's figures were counted and the first read answered the older count.
    /// </summary>
    private static async Task<Dictionary<string, string>> Settled(HttpClient client, string department)
    {
        var last = await Figures(client, department);
        Dictionary<string, string>? settled = null;
        await Eventually.True(async () =>
        {
            await Task.Delay(DepartmentEngagementGrain.Freshness);
            var now = await Figures(client, department);
            if (now.Count == last.Count && now.All(kv => last.TryGetValue(kv.Key, out var was) && was == kv.Value))
            {
                settled = now;
                return true;
            }

            last = now;
            return false;
        }, 30_000);
        return settled!;
    }

    /// <summary>The department's reads, replies and resolves (team counts) over all time.</summary>
    private static async Task<(int Reads, int Replies, int Resolves)> Replies(HttpClient client, string department)
    {
        var counts = (await client.GetJson($"/api/analytics/departments/{department}/return?window=all")).GetProperty("counts");
        return (counts.GetProperty("reads").GetInt32(), counts.GetProperty("replies").GetInt32(), counts.GetProperty("resolves").GetInt32());
    }

    /// <summary>The department's figures for every window, and the trend, without what moves with the clock alone (SLA clocks
    /// falling due).</summary>
    private static async Task<Dictionary<string, string>> Figures(HttpClient client, string department)
    {
        var figures = new Dictionary<string, string>();
        foreach (var window in new[] { "day", "week", "month", "quarter", "season", "all", "rolling30" })
        {
            var answer = await client.GetJson($"/api/analytics/departments/{department}?window={window}");
            figures[window] = Without(answer, "slaMetRate");
        }

        var trend = await client.GetJson($"/api/analytics/departments/{department}/trend?metric=readRate&days=30");
        figures["trend"] = trend.GetProperty("points").GetRawText();
        figures["return"] = (await client.GetJson($"/api/analytics/departments/{department}/return?window=all")).GetProperty("counts").GetRawText();
        return figures;
    }

    private static string Without(JsonElement element, string property) =>
        JsonSerializer.Serialize(element.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));
}
