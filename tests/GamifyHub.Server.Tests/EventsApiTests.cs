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
    public async Task A_request_scores_each_employees_events_in_request_order_as_if_sent_one_by_one()
    {
        var integration = factory.WithApiKey();
        // Seven insights (and tags) a second apart: from the sixth on they are a burst and earn nothing, so what each earns
        // depends on the ones before it. Another employee's events in between change nothing for the first.
        static List<object> Events(DateTime start) => [.. Enumerable.Range(0, 7).SelectMany(i => new object[]
        {
            new { eventId = Guid.CreateVersion7(), employee = ApiClient.Sofia, type = "insight", occurredAt = start.AddSeconds(i).ToString("O") },
            new { eventId = Guid.CreateVersion7(), employee = ApiClient.Lena, type = "tag", occurredAt = start.AddSeconds(i).ToString("O") },
        })];

        var inOneRequest = await (await integration.PostAsJsonAsync("/api/events/batch",
            new { events = Events(new DateTime(2025, 2, 3, 10, 0, 0, DateTimeKind.Utc)) })).Json();
        var oneByOne = new List<int>();
        foreach (var e in Events(new DateTime(2025, 2, 10, 10, 0, 0, DateTimeKind.Utc)))
        {
            oneByOne.Add((await (await integration.PostAsJsonAsync("/api/events", e)).Json()).GetProperty("points").GetInt32());
        }

        var batched = inOneRequest.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("points").GetInt32()).ToList();
        Assert.Equal(oneByOne, batched);
        Assert.Equal([10, 10, 10, 10, 10, 0, 0], batched.Where((_, i) => i % 2 == 0));
        Assert.Equal([1, 1, 1, 1, 1, 0, 0], batched.Where((_, i) => i % 2 == 1));
    }

    [Fact]
    public async Task An_event_id_repeated_inside_a_request_and_in_the_next_one_is_counted_once()
    {
        var integration = factory.WithApiKey();
        var lena = await factory.SignedIn(ApiClient.Lena);
        var before = (await lena.GetJson("/api/me")).GetProperty("points").GetInt64();
        var at = new DateTime(2025, 2, 17, 10, 0, 0, DateTimeKind.Utc).ToString("O");
        var a = new { eventId = Guid.CreateVersion7(), employee = ApiClient.Lena, type = "insight", occurredAt = at };
        var b = new { eventId = Guid.CreateVersion7(), employee = ApiClient.Lena, type = "reply", occurredAt = at };

        var first = (await (await integration.PostAsJsonAsync("/api/events/batch", new { events = new[] { a, b, a } })).Json())
            .GetProperty("results").EnumerateArray().ToList();
        var next = (await (await integration.PostAsJsonAsync("/api/events/batch", new { events = new[] { b, a } })).Json())
            .GetProperty("results").EnumerateArray().ToList();

        Assert.Equal([false, false, true], first.Select(r => r.GetProperty("duplicate").GetBoolean()));
        Assert.Equal([10, 5, 10], first.Select(r => r.GetProperty("points").GetInt32()));
        Assert.Equal([true, true], next.Select(r => r.GetProperty("duplicate").GetBoolean()));
        Assert.Equal([5, 10], next.Select(r => r.GetProperty("points").GetInt32()));
        await Eventually.True(async () => (await lena.GetJson("/api/me")).GetProperty("points").GetInt64() == before + 15);
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
