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
