using System.Net;
using System.Net.Http.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

public sealed class EventsApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Fact]
    public async Task A_retried_event_is_counted_once_and_answers_what_it_earned_the_first_time()
    {
        var integration = factory.WithApiKey();
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var before = (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64();
        var e = new { eventId = Guid.CreateVersion7(), employee = ApiClient.Ravi, type = "insight" };

        var first = await (await integration.PostAsJsonAsync("/api/events", e)).Json();
        var retry = await (await integration.PostAsJsonAsync("/api/events", e)).Json();
        var inBatch = await (await integration.PostAsJsonAsync("/api/events/batch", new { events = new[] { e, e } })).Json();

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.Equal(10, first.GetProperty("points").GetInt32());
        Assert.True(retry.GetProperty("duplicate").GetBoolean());
        Assert.Equal(10, retry.GetProperty("points").GetInt32());
        Assert.All(inBatch.GetProperty("results").EnumerateArray(), r => Assert.True(r.GetProperty("duplicate").GetBoolean()));
        await Eventually.True(async () => (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64() == before + 10);
        await Task.Delay(300);
        Assert.Equal(before + 10, (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64());
    }

    [Fact]
    public async Task Events_need_a_known_employee_a_valid_type_and_an_id()
    {
        var integration = factory.WithApiKey();
        var response = await integration.PostAsJsonAsync("/api/events", new { eventId = "x", employee = "nobody@nowhere", type = "forward" });
        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "'eventId'");
        var errors = (await response.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("employee", out _));
        Assert.True(errors.TryGetProperty("type", out _));
    }

    [Fact]
    public async Task Employees_cannot_push_events()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var response = await ravi.PostAsJsonAsync("/api/events", new { eventId = Guid.CreateVersion7(), employee = ApiClient.Ravi, type = "read" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
