using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using GamifyHub.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GamifyHub.Server.Tests;

public sealed class LiveHubTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    [Fact]
    public async Task A_watcher_receives_BoardChanged_after_another_users_action()
    {
        await using var sofia = await LiveClient.Connect(factory, ApiClient.Sofia);
        var snapshot = await sofia.WatchBoard("employees", "week");
        Assert.Equal("employees", snapshot.GetProperty("board").GetString());
        var version = snapshot.GetProperty("version").GetInt64();

        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var raviId = (await ravi.GetJson("/api/me")).GetProperty("employeeId").GetString();
        // Others see Ravi's row only in the board's top half (no bottom ranks), so he earns his way there first.
        await BoardStanding.LiftIntoTopHalf(factory, ravi, ApiClient.Ravi, "employees", "week");
        var item = await ravi.FirstOpenItem(i => i.GetProperty("replyCount").GetInt32() == 0);
        var before = await WeekScore(ravi);
        var answer = await (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "reply", text = "On it" })).Json();
        var expectedScore = before + answer.GetProperty("points").GetInt32();

        await Eventually.True(() => Task.FromResult(sofia.BoardChanges.Any(c => c.GetProperty("rows").EnumerateArray()
            .Any(r => r.GetProperty("memberId").GetString() == raviId && r.GetProperty("score").GetInt64() >= expectedScore))));
        var change = sofia.BoardChanges.Last();
        Assert.True(change.GetProperty("version").GetInt64() > version);
        Assert.Equal("week", change.GetProperty("window").GetString());
        Assert.True(answer.GetProperty("points").GetInt32() > 0);
    }

    private static async Task<long> WeekScore(HttpClient client)
    {
        var me = (await client.GetJson("/api/boards/employees?window=week&top=1")).GetProperty("me");
        return me.ValueKind == System.Text.Json.JsonValueKind.Null ? 0 : me.GetProperty("score").GetInt64();
    }

    [Fact]
    public async Task Points_notify_the_earner_and_nobody_else()
    {
        await using var raviLive = await LiveClient.Connect(factory, ApiClient.Ravi);
        await using var sofiaLive = await LiveClient.Connect(factory, ApiClient.Sofia);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem(i => !i.GetProperty("readByMe").GetBoolean());

        var answer = await (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read" })).Json();

        var eventId = answer.GetProperty("eventId").GetString();
        await Eventually.True(() => Task.FromResult(raviLive.Notifications.Any(n => n.GetProperty("id").GetString() == eventId)));
        var note = raviLive.Notifications.Single(n => n.GetProperty("id").GetString() == eventId);
        Assert.Equal(1, note.GetProperty("points").GetInt32());
        Assert.Contains("Read a customer's feedback", note.GetProperty("message").GetString());
        Assert.Equal("+1 Punkt", note.GetProperty("translations").GetProperty("de").GetProperty("title").GetString());
        Assert.Contains("Kundenfeedback gelesen", note.GetProperty("translations").GetProperty("de").GetProperty("message").GetString());
        await Task.Delay(500);
        Assert.DoesNotContain(sofiaLive.Notifications, n => n.GetProperty("id").GetString() == eventId);
    }

    [Fact]
    public async Task Board_pushes_are_coalesced_however_many_events_arrive()
    {
        await using var sofia = await LiveClient.Connect(factory, ApiClient.Sofia);
        await sofia.WatchBoard("departments", "all");
        var integration = factory.WithApiKey();
        var employees = new[] { ApiClient.Ravi, ApiClient.Lena, ApiClient.Sofia };
        var clock = Stopwatch.StartNew();

        for (var round = 0; round < 10; round++)
        {
            var events = Enumerable.Range(0, 30).Select(i => new
            {
                eventId = Guid.CreateVersion7(), employee = employees[i % employees.Length], type = "tag",
            });
            Assert.Equal(HttpStatusCode.OK, (await integration.PostAsJsonAsync("/api/events/batch", new { events })).StatusCode);
        }

        await Task.Delay(1000);
        var seconds = clock.Elapsed.TotalSeconds;
        // 300 events; the board may push at most 4 times a second (plus one in flight).
        Assert.InRange(sofia.BoardChanges.Count, 1, (int)Math.Ceiling(seconds * 4) + 1);
        Assert.All(sofia.BoardChanges, c => Assert.InRange(c.GetProperty("rows").GetArrayLength(), 1, 6));
    }

    [Fact]
    public async Task A_push_carries_only_the_rows_that_changed()
    {
        await using var sofia = await LiveClient.Connect(factory, ApiClient.Sofia);
        var snapshot = await sofia.WatchBoard("departments", "all");
        var rows = snapshot.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        var ranks = rows.ToDictionary(r => r.GetProperty("memberId").GetString()!, r => r.GetProperty("rank").GetInt32());
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var rnd = (await ravi.GetJson("/api/me")).GetProperty("departmentId").GetString()!;

        // Only R&D earns: a push names R&D, plus any department whose rank R&D's climb changed, and nobody else.
        var integration = factory.WithApiKey();
        for (var round = 0; round < 3; round++)
        {
            var events = Enumerable.Range(0, 5).Select(_ => new { eventId = Guid.CreateVersion7(), employee = ApiClient.Ravi, type = "tag" });
            Assert.Equal(HttpStatusCode.OK, (await integration.PostAsJsonAsync("/api/events/batch", new { events })).StatusCode);
        }

        await Eventually.True(() => Task.FromResult(!sofia.BoardChanges.IsEmpty));
        await Task.Delay(1000);
        foreach (var push in sofia.BoardChanges)
        {
            foreach (var row in push.GetProperty("rows").EnumerateArray())
            {
                var id = row.GetProperty("memberId").GetString()!;
                var rank = row.GetProperty("rank").GetInt32();
                Assert.True(id == rnd || ranks[id] != rank, $"department {id} was pushed at its unchanged rank {rank}");
                ranks[id] = rank;
            }

            Assert.Contains(push.GetProperty("rows").EnumerateArray(), r => r.GetProperty("memberId").GetString() == rnd);
        }
    }

    [Fact]
    public async Task Watching_an_unknown_board_is_refused_with_a_reason()
    {
        await using var sofia = await LiveClient.Connect(factory, ApiClient.Sofia);
        var error = await Assert.ThrowsAsync<HubException>(() => sofia.WatchBoard("everyone", "week"));
        Assert.Contains("'board' must be", error.Message);
        var windowError = await Assert.ThrowsAsync<HubException>(() => sofia.WatchBoard("employees", "decade"));
        Assert.Contains("'window' must be", windowError.Message);
    }

    [Fact]
    public async Task The_hub_needs_a_sign_in()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            })
            .Build();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
