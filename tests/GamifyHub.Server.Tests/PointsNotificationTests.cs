using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>Points notifications through the whole pipeline: one per employee per request (however many events it held), none for
/// a retried request, pushed over SignalR to the earner's own tabs only.</summary>
public sealed class PointsNotificationTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    private async Task<List<JsonElement>> Post(IEnumerable<Guid> eventIds)
    {
        var events = eventIds.Select(id => new { eventId = id, employee = ApiClient.Sofia, type = "tag" });
        var response = await factory.WithApiKey().PostAsJsonAsync("/api/events/batch", new { events });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Json()).GetProperty("results").EnumerateArray()];
    }

    [Fact]
    public async Task One_request_with_several_events_gives_one_notification_with_their_points_and_its_retry_none()
    {
        await using var sofiaTab = await LiveClient.Connect(factory, ApiClient.Sofia);
        await using var raviTab = await LiveClient.Connect(factory, ApiClient.Ravi);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var unreadBefore = (await sofia.GetJson("/api/notifications/unread")).GetProperty("unread").GetInt32();
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7()).ToList();

        var first = await Post(ids);

        Assert.All(first, r => Assert.False(r.GetProperty("duplicate").GetBoolean()));
        Assert.Equal(3, first.Sum(r => r.GetProperty("points").GetInt32()));
        // Named after the request's first event, carrying all three.
        await Eventually.True(() => Task.FromResult(sofiaTab.Notifications.Any(n => n.GetProperty("id").GetGuid() == ids[0])));
        var note = sofiaTab.Notifications.Single(n => n.GetProperty("id").GetGuid() == ids[0]);
        Assert.Equal("award", note.GetProperty("type").GetString());
        Assert.Equal(3, note.GetProperty("points").GetInt32());
        Assert.Equal("+3 points", note.GetProperty("title").GetString());
        Assert.Equal("Tagged a feedback item ×3", note.GetProperty("message").GetString());
        Assert.Equal("+3 Punkte", note.GetProperty("translations").GetProperty("de").GetProperty("title").GetString());
        Assert.Equal("Feedback verschlagwortet ×3", note.GetProperty("translations").GetProperty("de").GetProperty("message").GetString());

        var retry = await Post(ids);
        Assert.All(retry, r => Assert.True(r.GetProperty("duplicate").GetBoolean()));
        // A later event's notification comes after anything the retry could have caused (one fan-out, one inbox, in order).
        var marker = Guid.CreateVersion7();
        await Post([marker]);
        await Eventually.True(() => Task.FromResult(sofiaTab.Notifications.Any(n => n.GetProperty("id").GetGuid() == marker)));

        var mine = ids.ToHashSet();
        Assert.Single(sofiaTab.Notifications, n => mine.Contains(n.GetProperty("id").GetGuid()));
        Assert.Equal("+1 point", sofiaTab.Notifications.Single(n => n.GetProperty("id").GetGuid() == marker).GetProperty("title").GetString());
        var list = Items(await sofia.GetJson("/api/notifications?limit=100")).ToList();
        Assert.Single(list, n => mine.Contains(n.GetProperty("id").GetGuid()));
        Assert.Equal(unreadBefore + 2, (await sofia.GetJson("/api/notifications/unread")).GetProperty("unread").GetInt32());
        // The other signed-in user's tab got none of it.
        Assert.DoesNotContain(raviTab.Notifications, n => mine.Contains(n.GetProperty("id").GetGuid()) || n.GetProperty("id").GetGuid() == marker);
    }
}
