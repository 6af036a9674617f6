using System.Net;
using System.Net.Http.Json;
using System.Text;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

public sealed class ActionApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Fact]
    public async Task First_reply_earns_the_reply_points_and_the_first_responder_bonus_and_says_why()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem(i => i.GetProperty("replyCount").GetInt32() == 0);
        var before = (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64();

        var response = await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "reply", text = "We are on it!" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json();
        Assert.Equal(10, body.GetProperty("points").GetInt32());
        var rules = body.GetProperty("awards").EnumerateArray().Select(a => a.GetProperty("rule").GetString()).ToList();
        Assert.Equal(["reply"], rules); // one line, ×2 for the first responder
        Assert.Contains("first responder", body.GetProperty("awards")[0].GetProperty("reason").GetString());
        Assert.All(body.GetProperty("awards").EnumerateArray(), a => Assert.False(string.IsNullOrEmpty(a.GetProperty("reason").GetString())));

        // A later reply by a colleague is no longer the first: the plain reply points.
        var lena = await factory.SignedIn(ApiClient.Lena);
        var second = await (await lena.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "reply", text = "Update: fixed." })).Json();
        Assert.Equal(5, second.GetProperty("points").GetInt32());

        // Ravi answering again within the cooldown earns nothing more.
        var repeat = await (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "reply", text = "And thanks again." })).Json();
        Assert.Equal(0, repeat.GetProperty("points").GetInt32());

        await Eventually.True(async () => (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64() == before + 10);
    }

    [Fact]
    public async Task Resolving_twice_is_a_conflict_and_records_nothing()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem();
        var first = await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "resolve", note = "Fixed in 2.1" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var historyBefore = await History(ravi, item);

        var second = await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "resolve", note = "Again" });

        await ProblemAssert.Is(second, HttpStatusCode.Conflict, "already resolved");
        Assert.Equal(historyBefore, await History(ravi, item));
    }

    [Fact]
    public async Task Acting_on_an_unknown_item_is_not_found()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var response = await ravi.PostAsJsonAsync($"/api/feedback/{Guid.CreateVersion7()}/actions", new { type = "read" });
        await ProblemAssert.Is(response, HttpStatusCode.NotFound, "No feedback item");
    }

    [Fact]
    public async Task Acting_outside_your_department_is_forbidden_and_records_nothing()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var raviItems = (await ravi.GetJson("/api/feedback?pageSize=100")).GetProperty("items").EnumerateArray();
        var notSofias = raviItems.First(i => i.GetProperty("departments").EnumerateArray()
            .All(d => d.GetProperty("name").GetString() != "Customer Service")).GetProperty("id").GetString();
        var historyBefore = await History(ravi, notSofias!);

        var response = await sofia.PostAsJsonAsync($"/api/feedback/{notSofias}/actions", new { type = "reply", text = "Hi" });

        await ProblemAssert.Is(response, HttpStatusCode.Forbidden, "not routed to your department");
        Assert.Equal(historyBefore, await History(ravi, notSofias!));
    }

    [Theory]
    [InlineData("{\"type\":", "not valid JSON")]
    [InlineData("{\"type\": 5}", "not valid JSON")]
    [InlineData("[1,2,3]", "not valid JSON")]
    [InlineData("{\"type\":\"dance\"}", "'type' must be one of")]
    [InlineData("{}", "'type' must be one of")]
    [InlineData("{\"type\":\"reply\"}", "needs its 'text'")]
    [InlineData("{\"type\":\"reply\",\"text\":\"<b></b>\"}", "needs its 'text'")]
    [InlineData("{\"type\":\"resolve\"}", "resolution 'note'")]
    [InlineData("{\"type\":\"forward\",\"departmentId\":\"nope\"}", "'departmentId'")]
    [InlineData("{\"type\":\"forward\",\"departmentId\":\"0b7e3a4e-7a3e-4a55-9f43-6c2f7c8a1d11\"}", "No department")]
    [InlineData("{\"type\":\"insight\",\"title\":\"Dark mode\",\"url\":\"javascript:alert(1)\"}", "'url'")]
    [InlineData("{\"type\":\"read\",\"dwellSeconds\":-1}", "'dwellSeconds'")]
    [InlineData("{\"type\":\"read\",\"dwellSeconds\":86401}", "'dwellSeconds'")]
    public async Task Malformed_action_bodies_get_a_clear_400_and_record_nothing(string body, string expected)
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem();
        var historyBefore = await History(ravi, item);

        var response = await ravi.PostAsync($"/api/feedback/{item}/actions", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, expected);
        Assert.Equal(historyBefore, await History(ravi, item));
    }

    [Fact]
    public async Task A_read_shorter_than_the_minimum_dwell_time_is_recorded_but_earns_nothing()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem(i => !i.GetProperty("readByMe").GetBoolean());

        var response = await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read", dwellSeconds = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Json()).GetProperty("points").GetInt32());
    }

    [Fact]
    public async Task Me_shows_level_and_badges_without_unearned_secret_ones()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);

        var me = await ravi.GetJson("/api/me");

        var level = me.GetProperty("level");
        Assert.True(level.GetProperty("level").GetInt32() >= 1);
        Assert.True(level.GetProperty("xpForNextLevel").GetInt64() > 0);
        var badges = me.GetProperty("badges").EnumerateArray().ToList();
        Assert.NotEmpty(badges);
        Assert.DoesNotContain(badges, b => b.GetProperty("secret").GetBoolean() && !b.GetProperty("earned").GetBoolean());
        Assert.All(badges, b => Assert.True(b.GetProperty("current").GetInt32() <= b.GetProperty("target").GetInt32()));
    }

    [Fact]
    public async Task Actions_need_a_sign_in()
    {
        var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsJsonAsync($"/api/feedback/{Guid.CreateVersion7()}/actions", new { type = "read" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Forwarding_puts_the_item_into_the_other_departments_inbox()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var departments = await ravi.GetJson("/api/departments");
        var service = departments.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "Customer Service")
            .GetProperty("id").GetString();
        var raviItems = (await ravi.GetJson("/api/feedback?pageSize=100")).GetProperty("items").EnumerateArray();
        var item = raviItems.First(i => i.GetProperty("departments").EnumerateArray()
            .All(d => d.GetProperty("id").GetString() != service)).GetProperty("id").GetString();

        var response = await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "forward", departmentId = service, note = "Customer waits" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var detail = await sofia.GetJson($"/api/feedback/{item}");
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("type").GetString() == "forward");
        var reply = await sofia.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "reply", text = "Hello from service" });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var again = await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "forward", departmentId = service });
        await ProblemAssert.Is(again, HttpStatusCode.Conflict, "already routed");
    }

    private static async Task<int> History(HttpClient client, string item) =>
        (await client.GetJson($"/api/feedback/{item}")).GetProperty("history").GetArrayLength();
}
