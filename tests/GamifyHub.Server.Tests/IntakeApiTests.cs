using System.Net;
using System.Net.Http.Json;
using System.Text;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

public sealed class IntakeApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Fact]
    public async Task Feedback_is_routed_by_keyword_rules_and_is_idempotent_on_channel_and_external_id()
    {
        var integration = factory.WithApiKey();
        var externalId = $"fb-{Guid.NewGuid():N}";
        var item = new { channel = "facebook", externalId, author = "@kim", text = "The app crashes and the delivery was late." };

        var first = await integration.PostAsJsonAsync("/api/feedback", item);
        var second = await integration.PostAsJsonAsync("/api/feedback", item);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await first.Json();
        var b = await second.Json();
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        Assert.True(b.GetProperty("duplicate").GetBoolean());
        var departments = a.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Research & Development", "Operations & Logistics"], departments);
    }

    [Fact]
    public async Task Feedback_nothing_matches_goes_to_the_triage_department_and_html_is_stored_as_plain_text()
    {
        var integration = factory.WithApiKey();
        var response = await integration.PostAsJsonAsync("/api/feedback",
            new { channel = "blog", externalId = $"b-{Guid.NewGuid():N}", text = "<p>Just saying <b>hello</b> &amp; good morning</p>" });
        var body = await response.Json();
        Assert.Equal("Customer Service", body.GetProperty("departments")[0].GetProperty("name").GetString());

        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var detail = await sofia.GetJson($"/api/feedback/{body.GetProperty("id").GetString()}");
        Assert.Equal("Just saying hello & good morning", detail.GetProperty("item").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_batch_is_accepted_whole_or_rejected_whole()
    {
        var integration = factory.WithApiKey();
        var good = new { channel = "x", externalId = $"x-{Guid.NewGuid():N}", text = "Love the new speaker!" };
        var bad = new { channel = "myspace", externalId = "", text = "" };

        var rejected = await integration.PostAsJsonAsync("/api/feedback/batch", new { items = new object[] { good, bad } });
        await ProblemAssert.Is(rejected, HttpStatusCode.BadRequest, "'channel' must be one of");
        var errors = (await rejected.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[1].channel", out _));
        Assert.True(errors.TryGetProperty("items[1].externalId", out _));

        var accepted = await integration.PostAsJsonAsync("/api/feedback/batch", new { items = new object[] { good } });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var result = (await accepted.Json()).GetProperty("results")[0];
        Assert.False(result.GetProperty("duplicate").GetBoolean(), "the rejected batch must not have stored the good item");
    }

    [Theory]
    [InlineData("{\"channel\":\"x\",\"externalId\":\"1\"}", "'text' is required")]
    [InlineData("{\"channel\":\"x\",\"externalId\":\"1\",\"text\":\"hi\",\"url\":\"ftp://a\"}", "'url'")]
    [InlineData("{\"channel\":\"x\",\"externalId\":\"1\",\"text\":\"hi\",\"language\":\"klingon\"}", "'language'")]
    [InlineData("{\"channel\":\"x\",\"externalId\":\"1\",\"text\":\"hi\",\"createdAt\":\"yesterday\"}", "'createdAt'")]
    [InlineData("{\"channel\":\"x\",\"externalId\":\"a\\u0000b\",\"text\":\"hi\"}", "control characters")]
    [InlineData("{\"channel\":[],\"externalId\":\"1\",\"text\":\"hi\"}", "not valid JSON")]
    public async Task Invalid_feedback_gets_a_clear_400(string body, string expected)
    {
        var response = await factory.WithApiKey().PostAsync("/api/feedback", new StringContent(body, Encoding.UTF8, "application/json"));
        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task Only_integrations_and_admins_may_push_feedback()
    {
        var item = new { channel = "x", externalId = $"x-{Guid.NewGuid():N}", text = "Hello" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/feedback", item)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.WithApiKey("wrong-key").PostAsJsonAsync("/api/feedback", item)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedIn(ApiClient.Ravi)).PostAsJsonAsync("/api/feedback", item)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await factory.SignedIn(ApiClient.Admin)).PostAsJsonAsync("/api/feedback", item)).StatusCode);
    }
}
