using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Grains.Live;
using GamifyHub.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Server.Tests;

/// <summary>The notification centre: everything sent through <see cref="ILiveNotifier.Notify"/> is stored per user, pushed to
/// that user's tabs only, counted, paged, marked read, and muted by preference.</summary>
public sealed class NotificationCentreTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private ILiveNotifier Notifier => factory.Services.GetRequiredService<ILiveNotifier>();

    private static LiveNotification Note(string type, string title) =>
        new(Guid.CreateVersion7(), type, title, $"{title} message", 0, DateTime.UtcNow,
            new Dictionary<string, NotificationText> { ["de"] = new($"{title} (de)", "Nachricht") });

    private static async Task<Guid> EmployeeId(HttpClient client) =>
        Guid.Parse((await client.GetJson("/api/me")).GetProperty("employeeId").GetString()!);

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    [Fact]
    public async Task A_notification_reaches_every_tab_of_its_user_and_never_another_user()
    {
        await using var raviTab1 = await LiveClient.Connect(factory, ApiClient.Ravi);
        await using var raviTab2 = await LiveClient.Connect(factory, ApiClient.Ravi);
        await using var sofiaTab = await LiveClient.Connect(factory, ApiClient.Sofia);
        var sofiaCounts = new ConcurrentQueue<JsonElement>();
        sofiaTab.Connection.On<JsonElement>("UnreadCount", sofiaCounts.Enqueue);
        var raviCounts = new ConcurrentQueue<JsonElement>();
        raviTab2.Connection.On<JsonElement>("UnreadCount", raviCounts.Enqueue);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var sofia = await factory.SignedIn(ApiClient.Sofia);

        // A real award: Ravi reads an item; the points notification goes through the centre.
        var item = await ravi.FirstOpenItem(i => !i.GetProperty("readByMe").GetBoolean());
        var answer = await (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read" })).Json();
        var eventId = answer.GetProperty("eventId").GetString();
        // And one sent straight to Sofia, to be sure Ravi's tabs never see hers either.
        var forSofia = Note(NotificationTypes.SlaBreach, "For Sofia only");
        await Notifier.Notify(await EmployeeId(sofia), forSofia);

        await Eventually.True(() => Task.FromResult(raviTab1.Notifications.Any(n => n.GetProperty("id").GetString() == eventId)
            && raviTab2.Notifications.Any(n => n.GetProperty("id").GetString() == eventId)
            && sofiaTab.Notifications.Any(n => n.GetProperty("id").GetGuid() == forSofia.Id)));
        await Eventually.True(() => Task.FromResult(!raviCounts.IsEmpty && !sofiaCounts.IsEmpty));

        Assert.DoesNotContain(sofiaTab.Notifications, n => n.GetProperty("id").GetString() == eventId);
        Assert.DoesNotContain(raviTab1.Notifications, n => n.GetProperty("id").GetGuid() == forSofia.Id);
        Assert.DoesNotContain(raviTab2.Notifications, n => n.GetProperty("id").GetGuid() == forSofia.Id);
        var raviList = await ravi.GetJson("/api/notifications?limit=100");
        var sofiaList = await sofia.GetJson("/api/notifications?limit=100");
        Assert.Contains(Items(raviList), n => n.GetProperty("id").GetString() == eventId && n.GetProperty("type").GetString() == "award");
        Assert.DoesNotContain(Items(raviList), n => n.GetProperty("id").GetGuid() == forSofia.Id);
        Assert.Contains(Items(sofiaList), n => n.GetProperty("id").GetGuid() == forSofia.Id);
        Assert.DoesNotContain(Items(sofiaList), n => n.GetProperty("id").GetString() == eventId);
    }

    [Fact]
    public async Task Unread_count_mark_read_mark_all_read_and_paging()
    {
        var lena = await factory.SignedIn(ApiClient.Lena);
        var lenaId = await EmployeeId(lena);
        var before = (await lena.GetJson("/api/notifications/unread")).GetProperty("unread").GetInt32();
        var sent = new List<LiveNotification>();
        for (var i = 0; i < 25; i++)
        {
            var note = Note(NotificationTypes.Badge, $"Badge {i}");
            sent.Add(note);
            await Notifier.Notify(lenaId, note);
        }

        // A repeated delivery of the same notification is stored once. (Delivery is one-way: the sender never waits for the
        // centre's write, so the test waits for the count.)
        await Notifier.Notify(lenaId, sent[0]);
        await Eventually.True(async () => (await lena.GetJson("/api/notifications/unread")).GetProperty("unread").GetInt32() >= before + 25);

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await lena.GetJson("/api/notifications?limit=10" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(Items(page).Select(n => n.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(sent.Select(n => n.Id).Order(), seen.Take(25).Order());
        Assert.True(pages >= 3, "25 notifications at 10 a page take three pages");
        Assert.Equal(before + 25, (await lena.GetJson("/api/notifications/unread")).GetProperty("unread").GetInt32());

        var one = await (await lena.PostAsync($"/api/notifications/{sent[3].Id}/read", null)).Json();
        Assert.Equal(before + 24, one.GetProperty("unread").GetInt32());
        var again = await (await lena.PostAsync($"/api/notifications/{sent[3].Id}/read", null)).Json();
        Assert.Equal(before + 24, again.GetProperty("unread").GetInt32());
        var unreadOnly = await lena.GetJson("/api/notifications?unread=true&limit=100");
        Assert.DoesNotContain(Items(unreadOnly), n => n.GetProperty("id").GetGuid() == sent[3].Id);
        var first = Items(await lena.GetJson("/api/notifications?limit=100")).Single(n => n.GetProperty("id").GetGuid() == sent[3].Id);
        Assert.True(first.GetProperty("read").GetBoolean());

        var all = await (await lena.PostAsync("/api/notifications/read-all", null)).Json();
        Assert.Equal(0, all.GetProperty("unread").GetInt32());
        Assert.Equal(0, (await lena.GetJson("/api/notifications/unread")).GetProperty("unread").GetInt32());
        Assert.Empty(Items(await lena.GetJson("/api/notifications?unread=true")));
    }

    [Fact]
    public async Task Titles_come_in_the_requested_language()
    {
        var lena = await factory.SignedIn(ApiClient.Lena);
        var note = Note(NotificationTypes.LevelUp, "Level 7");
        await Notifier.Notify(await EmployeeId(lena), note);
        lena.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        await Eventually.True(async () => Items(await lena.GetJson("/api/notifications?limit=100")).Any(n => n.GetProperty("id").GetGuid() == note.Id));

        var item = Items(await lena.GetJson("/api/notifications?limit=100")).Single(n => n.GetProperty("id").GetGuid() == note.Id);

        Assert.Equal("Level 7 (de)", item.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_muted_type_is_neither_stored_nor_pushed_and_unmuting_brings_it_back()
    {
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var sofiaId = await EmployeeId(sofia);
        await using var tab = await LiveClient.Connect(factory, ApiClient.Sofia);

        var put = await sofia.PutAsJsonAsync("/api/notifications/preferences", new { muted = new[] { "level-up", "sla-breach" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var prefs = await sofia.GetJson("/api/notifications/preferences");
        Assert.Equal(["level-up", "sla-breach"], prefs.GetProperty("muted").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(prefs.GetProperty("types").EnumerateArray(), t => t.GetString() == "challenge-completed");

        var muted = Note(NotificationTypes.LevelUp, "Muted level");
        var kept = Note(NotificationTypes.Kudos, "Kept kudos");
        await Notifier.Notify(sofiaId, muted);
        await Notifier.Notify(sofiaId, kept);
        await Eventually.True(() => Task.FromResult(tab.Notifications.Any(n => n.GetProperty("id").GetGuid() == kept.Id)));

        Assert.DoesNotContain(tab.Notifications, n => n.GetProperty("id").GetGuid() == muted.Id);
        var list = Items(await sofia.GetJson("/api/notifications?limit=100")).ToList();
        Assert.Contains(list, n => n.GetProperty("id").GetGuid() == kept.Id);
        Assert.DoesNotContain(list, n => n.GetProperty("id").GetGuid() == muted.Id);

        await sofia.PutAsJsonAsync("/api/notifications/preferences", new { muted = Array.Empty<string>() });
        var later = Note(NotificationTypes.LevelUp, "Unmuted level");
        await Notifier.Notify(sofiaId, later);
        await Eventually.True(async () => Items(await sofia.GetJson("/api/notifications?limit=100")).Any(n => n.GetProperty("id").GetGuid() == later.Id));
    }

    [Fact]
    public async Task High_priority_feedback_notifies_the_departments_it_is_routed_to()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var intake = await factory.WithApiKey().PostAsJsonAsync("/api/feedback", new
        {
            channel = "appstore", externalId = $"hp-{Guid.NewGuid():N}", author = "@angry",
            text = "Terrible! The app keeps crashing, awful, useless, the worst update ever. I hate it.",
        });
        Assert.True(intake.IsSuccessStatusCode, await intake.Content.ReadAsStringAsync());
        var accepted = await intake.Json();
        var id = accepted.GetProperty("id").GetGuid();
        var departments = accepted.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        var rnd = (await ravi.GetJson("/api/me")).GetProperty("departmentId").GetString();
        var service = (await sofia.GetJson("/api/me")).GetProperty("departmentId").GetString();
        Assert.Contains(rnd, departments);
        Assert.DoesNotContain(service, departments);
        Assert.Equal("high", (await ravi.GetJson($"/api/feedback/{id}")).GetProperty("item").GetProperty("priority").GetString());

        await Eventually.True(async () => Items(await ravi.GetJson("/api/notifications?limit=100"))
            .Any(n => n.GetProperty("id").GetGuid() == id && n.GetProperty("type").GetString() == "high-priority"));
        Assert.DoesNotContain(Items(await sofia.GetJson("/api/notifications?limit=100")), n => n.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Bad_input_is_a_clear_400_and_the_centre_needs_an_employee()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);

        await ProblemAssert.Is(await ravi.PutAsJsonAsync("/api/notifications/preferences", new { muted = new[] { "spam" } }),
            HttpStatusCode.BadRequest, "Unknown notification type");
        await ProblemAssert.Is(await ravi.GetAsync("/api/notifications?cursor=abc"), HttpStatusCode.BadRequest, "cursor");
        await ProblemAssert.Is(await ravi.GetAsync("/api/notifications?limit=1000"), HttpStatusCode.BadRequest, "limit");
        await ProblemAssert.Is(await ravi.PostAsJsonAsync("/api/notifications/read", new { ids = Array.Empty<Guid>() }),
            HttpStatusCode.BadRequest, "ids");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.WithApiKey().GetAsync("/api/notifications")).StatusCode);
    }
}
