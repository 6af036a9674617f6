using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Grains;
using GamifyHub.Grains.Live;
using GamifyHub.Server.Sla;
using GamifyHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>SLA targets (admin API), clocks on inbox items, and breach notices, through the real host and SQLite.</summary>
public sealed class SlaApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static readonly object DefaultTargets = new
    {
        high = new { firstResponseMinutes = 60, resolutionMinutes = 480 },
        normal = new { firstResponseMinutes = 480, resolutionMinutes = 4320 },
        low = new { firstResponseMinutes = 1440, resolutionMinutes = 10080 },
    };

    private async Task<(string Id, List<string> Departments)> Ingest(string text)
    {
        var response = await factory.WithApiKey().PostAsJsonAsync("/api/feedback",
            new { channel = "x", externalId = $"sla-{Guid.NewGuid():N}", text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        return (body.GetProperty("id").GetString()!,
            [.. body.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("name").GetString()!)]);
    }

    private sealed class RecordingNotifier : ILiveNotifier
    {
        public ConcurrentQueue<(Guid Employee, LiveNotification Notification)> Sent { get; } = new();

        public Task BoardChanged(BoardSnapshot change) => Task.CompletedTask;

        public Task Notify(Guid employeeId, LiveNotification notification)
        {
            Sent.Enqueue((employeeId, notification));
            return Task.CompletedTask;
        }
    }

    private SlaBreachNotifier Notifier(TimeProvider time, ILiveNotifier notifier, int scanSeconds = 60) => new(
        factory.Services.GetRequiredService<IDbContextFactory<GamifyDbContext>>(), factory.Services.GetRequiredService<EngagementWriter>(),
        factory.Services.GetRequiredService<SlaBook>(), factory.Services.GetRequiredService<SlaTouchedItems>(), notifier, time,
        Options.Create(new SlaOptions { NotifierEnabled = true, ScanSeconds = scanSeconds }), NullLogger<SlaBreachNotifier>.Instance);

    private async Task<long> Notices(string itemId, string clock) => await new DatabaseProbe(factory.DatabasePath).Scalar<long>(
        $"SELECT COUNT(*) FROM SlaBreachNotices WHERE upper(FeedbackId) = upper('{itemId}') AND Clock = '{clock}'");

    [Fact]
    public async Task The_admin_reads_the_default_targets_replaces_them_and_the_change_is_audited()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var before = await admin.GetJson("/api/admin/sla");
        Assert.Equal(60, before.GetProperty("high").GetProperty("firstResponseMinutes").GetInt32());
        Assert.Equal(4320, before.GetProperty("normal").GetProperty("resolutionMinutes").GetInt32());

        var changed = new
        {
            high = new { firstResponseMinutes = 30, resolutionMinutes = 240 },
            normal = new { firstResponseMinutes = 480, resolutionMinutes = 4320 },
            low = new { firstResponseMinutes = 1440, resolutionMinutes = 10080 },
        };
        var response = await admin.PutAsJsonAsync("/api/admin/sla", changed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30, (await admin.GetJson("/api/admin/sla")).GetProperty("high").GetProperty("firstResponseMinutes").GetInt32());

        var probe = new DatabaseProbe(factory.DatabasePath);
        Assert.Equal("admin@demo.gamifyhub", await probe.Scalar<string>("SELECT Actor FROM SlaChanges ORDER BY Id DESC LIMIT 1"));
        Assert.Contains("\"firstResponseMinutes\":30", await probe.Scalar<string>("SELECT Targets FROM SlaChanges ORDER BY Id DESC LIMIT 1"),
            StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/sla", DefaultTargets)).StatusCode);
    }

    [Fact]
    public async Task Invalid_targets_are_a_problem_naming_each_path_and_change_nothing()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var probe = new DatabaseProbe(factory.DatabasePath);
        var changes = await probe.Scalar<long>("SELECT COUNT(*) FROM SlaChanges");

        var response = await admin.PutAsJsonAsync("/api/admin/sla", new
        {
            high = new { firstResponseMinutes = 0, resolutionMinutes = 60 },
            normal = new { firstResponseMinutes = 600, resolutionMinutes = 60 },
        });
        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "high.firstResponseMinutes");
        var errors = (await response.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("normal.resolutionMinutes", out _));
        Assert.True(errors.TryGetProperty("low", out _));
        Assert.Equal(changes, await probe.Scalar<long>("SELECT COUNT(*) FROM SlaChanges"));
    }

    [Fact]
    public async Task Only_admins_see_or_change_the_targets()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.GetAsync("/api/admin/sla")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PutAsJsonAsync("/api/admin/sla", DefaultTargets)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/admin/sla")).StatusCode);
    }

    [Fact]
    public async Task Inbox_items_carry_their_clocks_and_a_reply_meets_the_first_response()
    {
        var (id, _) = await Ingest("The app crashes every time I open it");
        var ravi = await factory.SignedIn(ApiClient.Ravi);

        var item = (await ravi.GetJson($"/api/feedback/{id}")).GetProperty("item");
        var sla = item.GetProperty("sla");
        Assert.Equal("on-track", sla.GetProperty("state").GetString());
        Assert.Equal("on-track", sla.GetProperty("firstResponse").GetProperty("state").GetString());
        Assert.True(sla.GetProperty("firstResponse").GetProperty("dueAt").GetDateTime() > DateTime.UtcNow);
        Assert.True(sla.GetProperty("resolution").GetProperty("running").GetBoolean());

        var inbox = await ravi.GetJson("/api/feedback?status=open&pageSize=100");
        Assert.All(inbox.GetProperty("items").EnumerateArray(), i => Assert.True(i.TryGetProperty("sla", out _)));

        var reply = await ravi.PostAsJsonAsync($"/api/feedback/{id}/actions", new { type = "reply", text = "Sorry about that, we are on it." });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var after = (await ravi.GetJson($"/api/feedback/{id}")).GetProperty("item").GetProperty("sla");
        Assert.Equal("met", after.GetProperty("firstResponse").GetProperty("state").GetString());
        Assert.False(after.GetProperty("firstResponse").GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task A_breach_is_announced_once_to_the_routed_department_in_english_and_german_also_after_a_restart()
    {
        var now = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new RecordingNotifier();

        // Settle the demo company's history first, so only the new item can breach below.
        await Notifier(now, recorder).ScanAsync();
        var (id, departments) = await Ingest("Terrible update, the app crashes, useless and broken");
        Assert.Equal(["Research & Development"], departments);
        var raviId = Guid.Parse((await (await factory.SignedIn(ApiClient.Ravi)).GetJson("/api/me")).GetProperty("employeeId").GetString()!);
        var sofiaId = Guid.Parse((await (await factory.SignedIn(ApiClient.Sofia)).GetJson("/api/me")).GetProperty("employeeId").GetString()!);

        // High priority: first response due after one hour.
        now.Advance(TimeSpan.FromMinutes(59));
        await Notifier(now, recorder).ScanAsync();
        Assert.Equal(0, await Notices(id, "FirstResponse"));

        now.Advance(TimeSpan.FromMinutes(2));
        recorder.Sent.Clear();
        await Notifier(now, recorder).ScanAsync();
        Assert.Equal(1, await Notices(id, "FirstResponse"));
        var toRavi = Assert.Single(recorder.Sent, s => s.Employee == raviId && s.Notification.Title == "First response overdue");
        Assert.Equal("sla-breach", toRavi.Notification.Type);
        Assert.Contains("high-priority", toRavi.Notification.Message, StringComparison.Ordinal);
        Assert.Equal("Erstreaktion überfällig", toRavi.Notification.Translations!["de"].Title);
        Assert.DoesNotContain(recorder.Sent, s => s.Employee == sofiaId);

        // The same process scanning again, and a fresh notifier as after a restart: nothing is announced twice.
        recorder.Sent.Clear();
        Assert.Equal(0, (await Notifier(now, recorder).ScanAsync()).Announced);
        Assert.Empty(recorder.Sent);
        Assert.Equal(1, await Notices(id, "FirstResponse"));
    }

    [Fact]
    public async Task A_breach_first_seen_long_after_it_happened_is_recorded_without_telling_anyone()
    {
        var now = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new RecordingNotifier();
        await Notifier(now, recorder).ScanAsync();
        var (id, _) = await Ingest("Broken again, the app crashes every time, useless");

        // Down for two days: the first-response clock (one hour, high priority) broke 47 hours before this scan. (Clocks of other
        // items that broke within the last day are announced as usual; none of them is a first response.)
        now.Advance(TimeSpan.FromHours(48));
        recorder.Sent.Clear();
        await Notifier(now, recorder).ScanAsync();
        Assert.DoesNotContain(recorder.Sent, s => s.Notification.Title == "First response overdue");
        Assert.Equal(1, await Notices(id, "FirstResponse"));
        Assert.Equal(0, await new DatabaseProbe(factory.DatabasePath).Scalar<long>(
            $"SELECT Recipients FROM SlaBreachNotices WHERE upper(FeedbackId) = upper('{id}') AND Clock = 'FirstResponse'"));

        // Recorded: a later scan neither announces it nor records it twice.
        recorder.Sent.Clear();
        await Notifier(now, recorder).ScanAsync();
        Assert.Empty(recorder.Sent);
        Assert.Equal(1, await Notices(id, "FirstResponse"));
    }

    [Fact]
    public async Task After_its_first_scan_the_notifier_reads_only_new_and_touched_items_and_those_falling_due()
    {
        var now = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new RecordingNotifier();
        var service = Notifier(now, recorder);
        var first = await service.ScanAsync();
        Assert.True(first.Full);
        Assert.True(first.Checked > 2, $"The demo company has open items; the first scan read {first.Checked}.");

        // Only what the writer committed since: the new item.
        var (breaking, _) = await Ingest("Terrible update, the app crashes, useless and broken");
        var (answered, _) = await Ingest("Awful: the app crashes on start and it is broken");
        Assert.Equal(2, await CheckedUntil(service, 2));

        // Answered in time: touched by its reply, and it does not break when its first response falls due.
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        Assert.Equal(HttpStatusCode.OK,
            (await ravi.PostAsJsonAsync($"/api/feedback/{answered}/actions", new { type = "reply", text = "Sorry, a fix is on its way." })).StatusCode);
        Assert.Equal(1, await CheckedUntil(service, 1));

        now.Advance(TimeSpan.FromMinutes(61));
        recorder.Sent.Clear();
        var due = await service.ScanAsync();
        Assert.False(due.Full);
        Assert.True(due.Checked < first.Checked, $"Falling due: {due.Checked} of {first.Checked} open items.");
        Assert.Equal(1, await Notices(breaking, "FirstResponse"));
        Assert.Equal(0, await Notices(answered, "FirstResponse"));
        Assert.Contains(recorder.Sent, s => s.Notification.Title == "First response overdue");

        // Nothing falls due twice, and other targets make the next scan read every open item again.
        Assert.Equal(new SlaScan(false, 0, 0), await service.ScanAsync());
        var admin = await factory.SignedIn(ApiClient.Admin);
        var changed = new
        {
            high = new { firstResponseMinutes = 61, resolutionMinutes = 480 },
            normal = new { firstResponseMinutes = 480, resolutionMinutes = 4320 },
            low = new { firstResponseMinutes = 1440, resolutionMinutes = 10080 },
        };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/sla", changed)).StatusCode);
        try
        {
            Assert.True((await service.ScanAsync()).Full);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/sla", DefaultTargets)).StatusCode);
        }
    }

    /// <summary>
    /// Scans until they have looked at <paramref name="expected"/> items, none of them in full or announcing anything; answers
    /// how many. The writer tells the notifier about a commit just after it answers the request, so a scan right after the
    /// answer may come too early.
    /// </summary>
    private static async Task<int> CheckedUntil(SlaBreachNotifier service, int expected)
    {
        var scans = new List<SlaScan>();
        await Eventually.True(async () =>
        {
            scans.Add(await service.ScanAsync());
            return scans.Sum(s => s.Checked) >= expected;
        });
        Assert.DoesNotContain(scans, s => s.Full || s.Announced > 0);
        return scans.Sum(s => s.Checked);
    }

    [Fact]
    public async Task The_hosted_notifier_scans_on_its_timer_without_real_waiting()
    {
        var now = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new RecordingNotifier();
        await Notifier(now, recorder).ScanAsync();
        var (id, _) = await Ingest("Awful, broken, useless: the app crashes on start");

        var service = Notifier(now, recorder, scanSeconds: 60);
        await service.StartAsync(CancellationToken.None);
        try
        {
            // The service creates its timer on its own thread: keep moving fake time until a tick has run a scan.
            now.Advance(TimeSpan.FromMinutes(61));
            await Eventually.True(async () =>
            {
                now.Advance(TimeSpan.FromSeconds(60));
                return await Notices(id, "FirstResponse") == 1;
            });
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
