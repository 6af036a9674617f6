using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

internal static class KudosSteps
{
    public static async Task<Guid> EmployeeId(HttpClient client) =>
        Guid.Parse((await client.GetJson("/api/me")).GetProperty("employeeId").GetString()!);

    public static async Task<long> Collaboration(HttpClient client) =>
        (await client.GetJson("/api/me")).GetProperty("pointsByCategory") is var byCategory
        && byCategory.TryGetProperty("Collaboration", out var points) ? points.GetInt64() : 0;

    /// <summary>Ravi reads a new item of R&amp;D's inbox (so he acted on it) and answers its id.</summary>
    public static async Task<Guid> ItemRaviActedOn(HttpClient ravi)
    {
        var item = await ravi.FirstOpenItem(i => !i.GetProperty("readByMe").GetBoolean());
        var read = await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read", dwellSeconds = 30 });
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        return Guid.Parse(item);
    }

    public static Task<HttpResponseMessage> Thank(HttpClient giver, Guid receiver, Guid feedbackId, string? message = null) =>
        giver.PostAsJsonAsync("/api/kudos", new { receiver, feedbackId, message });
}

public sealed class KudosTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Fact]
    public async Task A_kudos_awards_collaboration_points_once_notifies_the_receiver_and_shows_in_the_feed()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var raviId = await KudosSteps.EmployeeId(ravi);
        var item = await KudosSteps.ItemRaviActedOn(ravi);
        var before = await KudosSteps.Collaboration(ravi);
        await using var raviTab = await LiveClient.Connect(factory, ApiClient.Ravi);

        var response = await KudosSteps.Thank(lena, raviId, item, "Great answer to a grumpy customer!");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var kudos = await response.Json();
        Assert.False(kudos.GetProperty("duplicate").GetBoolean());
        Assert.Equal(5, kudos.GetProperty("points").GetInt32());
        await Eventually.True(async () => await KudosSteps.Collaboration(ravi) == before + 5);
        await Eventually.True(() => Task.FromResult(raviTab.Notifications.Any(n => n.GetProperty("type").GetString() == "kudos")));
        var note = raviTab.Notifications.First(n => n.GetProperty("type").GetString() == "kudos");
        Assert.Contains("Lena", note.GetProperty("title").GetString());
        Assert.Equal("Great answer to a grumpy customer!", note.GetProperty("message").GetString());
        Assert.Contains((await ravi.GetJson("/api/notifications?limit=100")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("type").GetString() == "kudos");

        // The same thanks again is the same kudos (a retry): no second award.
        var again = await KudosSteps.Thank(lena, raviId, item, "Great answer to a grumpy customer!");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Json()).GetProperty("duplicate").GetBoolean());
        var probe = new DatabaseProbe(factory.DatabasePath);
        Assert.Equal(1L, await probe.Scalar<long>($"SELECT count(*) FROM Events WHERE Type = 'Kudos' AND EventId = '{kudos.GetProperty("id").GetString()!.ToUpperInvariant()}'"));
        Assert.Equal(before + 5, await KudosSteps.Collaboration(ravi));

        var department = (await ravi.GetJson("/api/me")).GetProperty("departmentId").GetString();
        var feed = await ravi.GetJson($"/api/departments/{department}/activity?limit=50");
        var entry = feed.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "kudos");
        Assert.Equal(raviId, entry.GetProperty("receiver").GetProperty("id").GetGuid());
        Assert.Equal("Lena Müller", entry.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal(5, entry.GetProperty("points").GetInt32());

        // The item's history says Lena already thanked whoever that was, for the Thank button. She is a manager and managers
        // see no individuals by default: the entry shows "a colleague", without Ravi's id.
        var detail = await lena.GetJson($"/api/feedback/{item}");
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("hidden").GetBoolean()
            && h.GetProperty("thankedByMe").GetBoolean());
        Assert.DoesNotContain(raviId.ToString(), detail.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Never_yourself_only_colleagues_who_acted_and_a_short_message()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var item = await KudosSteps.ItemRaviActedOn(ravi);
        var probe = new DatabaseProbe(factory.DatabasePath);
        var kudosBefore = await probe.Scalar<long>("SELECT count(*) FROM Kudos");

        await ProblemAssert.Is(await KudosSteps.Thank(ravi, await KudosSteps.EmployeeId(ravi), item), HttpStatusCode.BadRequest, "yourself");
        await ProblemAssert.Is(await KudosSteps.Thank(lena, await KudosSteps.EmployeeId(sofia), item), HttpStatusCode.BadRequest,
            "has not");
        await ProblemAssert.Is(await KudosSteps.Thank(lena, await KudosSteps.EmployeeId(ravi), item, new string('x', 301)),
            HttpStatusCode.BadRequest, "300");
        await ProblemAssert.Is(await lena.PostAsJsonAsync("/api/kudos", new { receiver = Guid.Empty }), HttpStatusCode.BadRequest, "receiver");
        // Sofia cannot see R&D's item at all.
        await ProblemAssert.Is(await KudosSteps.Thank(sofia, await KudosSteps.EmployeeId(ravi), item), HttpStatusCode.NotFound, "inbox");
        // Kudos are not an item action.
        await ProblemAssert.Is(await lena.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "kudos" }),
            HttpStatusCode.BadRequest, "'type' must be one of");

        Assert.Equal(kudosBefore, await probe.Scalar<long>("SELECT count(*) FROM Kudos"));
    }
}

/// <summary>A tiny daily limit, on its own server.</summary>
public sealed class KudosLimitTests : IAsyncLifetime
{
    private readonly GamifyHubFactory _factory = GamifyHubFactory.With(("Kudos:DailyLimit", "2"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_third_kudos_of_the_day_is_a_429_and_gives_nothing()
    {
        var ravi = await _factory.SignedIn(ApiClient.Ravi);
        var lena = await _factory.SignedIn(ApiClient.Lena);
        var raviId = await KudosSteps.EmployeeId(ravi);
        var items = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            items.Add(await KudosSteps.ItemRaviActedOn(ravi));
        }

        Assert.Equal(HttpStatusCode.Created, (await KudosSteps.Thank(lena, raviId, items[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await KudosSteps.Thank(lena, raviId, items[1])).StatusCode);
        await Eventually.True(async () => await KudosSteps.Collaboration(ravi) >= 10);
        var collaboration = await KudosSteps.Collaboration(ravi);

        await ProblemAssert.Is(await KudosSteps.Thank(lena, raviId, items[2]), HttpStatusCode.TooManyRequests, "kudos for today");

        var allowance = await lena.GetJson("/api/kudos/allowance");
        Assert.Equal(2, allowance.GetProperty("givenToday").GetInt32());
        Assert.Equal(0, allowance.GetProperty("remaining").GetInt32());
        Assert.Equal(2L, await new DatabaseProbe(_factory.DatabasePath).Scalar<long>("SELECT count(*) FROM Kudos"));
        // A retry of an accepted kudos is still answered (idempotent), the limit notwithstanding.
        Assert.Equal(HttpStatusCode.OK, (await KudosSteps.Thank(lena, raviId, items[0])).StatusCode);
        Assert.Equal(collaboration, await KudosSteps.Collaboration(ravi));
    }
}

/// <summary>Concurrent kudos of one giver cannot overshoot the limit: the check and the insert run alone in the writer.</summary>
public sealed class KudosRaceTests : IAsyncLifetime
{
    private readonly GamifyHubFactory _factory = GamifyHubFactory.With(("Kudos:DailyLimit", "2"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Four_kudos_at_once_with_a_limit_of_two_give_exactly_two()
    {
        var ravi = await _factory.SignedIn(ApiClient.Ravi);
        var lena = await _factory.SignedIn(ApiClient.Lena);
        var raviId = await KudosSteps.EmployeeId(ravi);
        var items = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            items.Add(await KudosSteps.ItemRaviActedOn(ravi));
        }

        var answers = await Task.WhenAll(items.Select(item => KudosSteps.Thank(lena, raviId, item)));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        var probe = new DatabaseProbe(_factory.DatabasePath);
        Assert.Equal(2L, await probe.Scalar<long>("SELECT count(*) FROM Kudos"));
        Assert.Equal(2L, await probe.Scalar<long>("SELECT count(*) FROM Events WHERE Type = 'Kudos'"));
    }
}

/// <summary>Rescoring keeps kudos: they are events of their own kind, scored by the rules like any other.</summary>
public sealed class KudosRescoreTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Fact]
    public async Task Applying_new_rules_rescores_a_kudos_with_the_new_points()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var admin = await factory.SignedIn(ApiClient.Admin);
        var item = await KudosSteps.ItemRaviActedOn(ravi);
        Assert.Equal(HttpStatusCode.Created, (await KudosSteps.Thank(lena, await KudosSteps.EmployeeId(ravi), item)).StatusCode);
        var probe = new DatabaseProbe(factory.DatabasePath);
        const string kudosPoints = "SELECT COALESCE(SUM(a.Points), 0) FROM Awards a JOIN Events e ON a.EventSeq = e.Seq WHERE e.Type = 'Kudos'";
        Assert.Equal(5L, await probe.Scalar<long>(kudosPoints));

        var rules = JsonNode.Parse(await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync())!;
        foreach (var rule in rules["rules"]!.AsArray())
        {
            if (string.Equals(rule!["action"]!.GetValue<string>(), "kudos", StringComparison.OrdinalIgnoreCase))
            {
                rule["points"] = 8;
            }
        }

        var applied = await admin.PostAsync("/api/admin/rules/apply", new StringContent(rules.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(8L, await probe.Scalar<long>(kudosPoints));
        Assert.Equal(1L, await probe.Scalar<long>("SELECT count(*) FROM Events WHERE Type = 'Kudos'"));
    }
}
