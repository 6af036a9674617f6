using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GamifyHub.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using System.Text.Json;

namespace GamifyHub.Server.Tests;

public sealed class WallboardTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private async Task<(Guid Id, string Token)> CreateToken(string name = "Lobby TV")
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var response = await admin.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
    }

    private HttpClient Wallboard(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private HubConnection Hub(string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/live"), o =>
        {
            o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            o.Transports = HttpTransportType.LongPolling;
        })
        .Build();

    [Fact]
    public async Task A_wallboard_lists_active_challenges_with_their_goal_and_never_a_persons_name()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var name = "Hall goal " + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsJsonAsync("/api/challenges", new
        {
            name, description = "Everyone reads", metric = "action-count", action = "read", category = (string?)null, target = 50,
            startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddDays(2), scope = "company",
            departmentIds = Array.Empty<string>(), rewardPoints = 10, rewardBadge = (string?)null, recurrence = "none", schedule = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetString();
        var draft = await admin.PostAsJsonAsync("/api/challenges", new
        {
            name = name + " draft", description = "Not yet", metric = "action-count", action = "read", category = (string?)null, target = 5,
            startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddDays(2), scope = "company",
            departmentIds = Array.Empty<string>(), rewardPoints = 10, rewardBadge = (string?)null, recurrence = "none", schedule = false,
        });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);

        var (_, token) = await CreateToken("Challenge screen");
        var list = await Wallboard(token).GetJson("/api/wallboard/challenges");
        var shown = list.EnumerateArray().Where(c => c.GetProperty("name").GetString()!.StartsWith(name, StringComparison.Ordinal)).ToList();
        var only = Assert.Single(shown); // the draft is not on the screen
        Assert.Equal(id, only.GetProperty("id").GetString());
        Assert.Equal(50, only.GetProperty("target").GetDouble());
        // The company total (null until the first counted action).
        var progress = only.GetProperty("progress");
        Assert.True(progress.ValueKind == JsonValueKind.Null || progress.GetDouble() >= 0, progress.GetRawText());
        Assert.Equal("company", only.GetProperty("scope").GetString());
        var text = list.GetRawText();
        foreach (var person in new[] { "Ravi", "Sofia", "Lena", "Patel", "Rossi" })
        {
            Assert.DoesNotContain(person, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/wallboard/challenges")).StatusCode);
    }

    [Fact]
    public async Task Highlights_and_every_departments_challenges_are_for_the_screen_and_admins_and_highlights_carry_no_ids()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var title = $"Wallboard insight {Guid.NewGuid():N}"[..28];
        var item = await ravi.FirstOpenItem();
        Assert.Equal(HttpStatusCode.OK, (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "insight", title })).StatusCode);

        // Company-wide lists are not for every employee or manager (their feed is their department's).
        var lena = await factory.SignedIn(ApiClient.Lena);
        foreach (var client in new[] { ravi, lena })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/wallboard/highlights")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/wallboard/challenges")).StatusCode);
        }

        var admin = await factory.SignedIn(ApiClient.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/wallboard/highlights")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/wallboard/challenges")).StatusCode);

        var (_, token) = await CreateToken("Highlights screen");
        var wall = Wallboard(token);
        JsonElement highlights = default;
        await Eventually.True(async () =>
        {
            highlights = await wall.GetJson("/api/wallboard/highlights");
            return highlights.GetProperty("items").EnumerateArray().Any(h => h.GetProperty("title").GetString() == title);
        }, timeoutMs: 30_000);
        var mine = highlights.GetProperty("items").EnumerateArray().Single(h => h.GetProperty("title").GetString() == title);
        Assert.Equal("insight", mine.GetProperty("kind").GetString());
        Assert.Equal("Ravi", mine.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal("Research & Development", mine.GetProperty("actor").GetProperty("departmentName").GetString());

        // No id of any kind: not the entry's, the event's, the person's, the department's or the item's.
        var text = highlights.GetRawText();
        Assert.DoesNotMatch(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", text);
        Assert.DoesNotMatch("[0-9a-fA-F]{32}", text);
        Assert.DoesNotContain("\"id\"", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Id\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(item, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wallboard_token_reads_the_wallboard_and_nothing_else()
    {
        var (_, token) = await CreateToken();
        var wall = Wallboard(token);

        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("/api/wallboard")).StatusCode);
        var board = await wall.GetJson("/api/wallboard/board?window=week");
        Assert.Equal("departments", board.GetProperty("board").GetString());
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("/api/wallboard/highlights")).StatusCode);

        foreach (var url in new[] { "/api/feedback", "/api/me", "/api/boards/employees", "/api/departments", "/api/notifications",
                     "/api/admin/wallboard-tokens", "/api/insights" })
        {
            var response = await wall.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Forbidden,
            (await wall.PostAsJsonAsync("/api/feedback", new { channel = "x", externalId = "wb-1", text = "hello" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wall.PostAsJsonAsync("/api/kudos", new { })).StatusCode);
    }

    [Fact]
    public async Task On_the_hub_a_wallboard_watches_the_departments_board_only()
    {
        var (_, token) = await CreateToken();
        await using var hub = Hub(token);
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<JsonElement>("WatchBoard", "departments", "week");
        Assert.Equal("departments", snapshot.GetProperty("board").GetString());
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("WatchBoard", "employees", "week"));
        Assert.Contains("departments board only", refused.Message);
    }

    [Fact]
    public async Task Revoking_a_token_closes_the_hub_connections_it_already_holds()
    {
        var (id, token) = await CreateToken("Hall screen");
        await using var hub = Hub(token);
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("WatchBoard", "departments", "week");

        var admin = await factory.SignedIn(ApiClient.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/wallboard-tokens/{id}")).StatusCode);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_and_only_admins_manage_tokens()
    {
        var (id, token) = await CreateToken("Kitchen screen");
        var wall = Wallboard(token);
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("/api/wallboard/board")).StatusCode);
        var admin = await factory.SignedIn(ApiClient.Admin);
        var listed = (await admin.GetJson("/api/admin/wallboard-tokens")).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id);
        Assert.False(listed.TryGetProperty("token", out _));
        var probe = new DatabaseProbe(factory.DatabasePath);
        Assert.Equal(0L, await probe.Scalar<long>($"SELECT count(*) FROM WallboardTokens WHERE TokenHash = '{token}'"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/wallboard-tokens/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.GetAsync("/api/wallboard/board")).StatusCode);
        await using var hub = Hub(token);
        await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.DeleteAsync($"/api/admin/wallboard-tokens/{id}")).StatusCode);
        await ProblemAssert.Is(await admin.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = "" }), HttpStatusCode.BadRequest, "name");
    }
}
