using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using GamifyHub.Data.Writing;
using GamifyHub.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Server.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task A_full_write_queue_answers_503_with_Retry_After_and_retries_store_once()
    {
        await using var factory = GamifyHubFactory.With(("Writer:QueueCapacity", "16"), ("Writer:MaxBatch", "4"),
            ("Writer:QueueWaitMilliseconds", "100"));
        var integration = factory.WithApiKey();
        var run = Guid.NewGuid().ToString("N");
        var batches = Enumerable.Range(0, 8).Select(b => Enumerable.Range(0, 10)
            .Select(i => new { channel = "x", externalId = $"{run}-{b}-{i}", text = "The app crashes on start" }).ToList()).ToList();

        // Another process holds SQLite's write lock (a slow disk or a long backup looks the same to the writer).
        var blocker = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await blocker.OpenAsync();
        await new SqliteCommand("BEGIN IMMEDIATE;", blocker).ExecuteNonQueryAsync();
        var attempts = batches.Select(items => integration.PostAsJsonAsync("/api/feedback/batch", new { items })).ToList();
        await Eventually.True(() => Task.FromResult(attempts.Any(a => a.IsCompleted)));
        var rejected = await await Task.WhenAny(attempts);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        Assert.Equal("1", rejected.Headers.GetValues("Retry-After").Single());
        await ProblemAssert.Is(rejected, HttpStatusCode.ServiceUnavailable, "Retry");
        // Memory stays bounded: the queue plus the group being committed.
        Assert.InRange(factory.Services.GetRequiredService<EngagementWriter>().Pending, 1, 16 + 4);

        await new SqliteCommand("ROLLBACK;", blocker).ExecuteNonQueryAsync(); // the lock goes, the writer drains
        await blocker.DisposeAsync();
        foreach (var items in batches)
        {
            await Eventually.True(async () => (await integration.PostAsJsonAsync("/api/feedback/batch", new { items })).StatusCode == HttpStatusCode.OK);
        }

        await Task.WhenAll(attempts);
        var probe = new DatabaseProbe(factory.DatabasePath);
        Assert.Equal(80, await probe.Scalar<long>($"SELECT count(*) FROM FeedbackItems WHERE ExternalId LIKE '{run}-%'"));
        Assert.Equal(80, await probe.Scalar<long>(
            $"SELECT count(*) FROM FeedbackRoutings r JOIN FeedbackItems f ON f.Id = r.FeedbackId WHERE f.ExternalId LIKE '{run}-%'"));
    }

    /// <summary>A projection that says how far behind it is, as the award and challenge fan-outs do.</summary>
    private sealed class LaggingProjection : ICommittedEventsObserver
    {
        public int Behind;

        public void OnCommitted(IReadOnlyList<CommittedEvent> events)
        {
        }

        public int Backlog => Volatile.Read(ref Behind);
    }

    [Fact]
    public async Task Projections_far_behind_the_log_turn_new_events_away_with_503_until_they_catch_up()
    {
        await using var factory = new GamifyHubFactory();
        var lagging = new LaggingProjection();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ICommittedEventsObserver>(lagging)));
        var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Add("X-Api-Key", ApiClient.ApiKey);
        var probe = new DatabaseProbe(factory.DatabasePath);
        object Event(Guid id) => new { eventId = id, employee = ApiClient.Lena, type = "read" };

        Assert.Equal(HttpStatusCode.OK, (await integration.PostAsJsonAsync("/api/events", Event(Guid.CreateVersion7()))).StatusCode);

        lagging.Behind = 100_001; // one more than Writer:MaxProjectionBacklog
        var held = Guid.CreateVersion7();
        var refused = await integration.PostAsJsonAsync("/api/events", Event(held));
        await ProblemAssert.Is(refused, HttpStatusCode.ServiceUnavailable, "Retry");
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
        var writer = (await (await integration.GetAsync("/health/ready")).Json()).GetProperty("checks").GetProperty("writer");
        Assert.Equal("Degraded", writer.GetProperty("status").GetString());
        Assert.Equal(100_001, writer.GetProperty("data").GetProperty("projectionBacklog").GetInt32());
        Assert.Equal(0, await probe.Scalar<long>($"SELECT count(*) FROM Events WHERE EventId = '{held.ToString().ToUpperInvariant()}'"));

        lagging.Behind = 0; // caught up: the retry is stored, once
        Assert.Equal(HttpStatusCode.OK, (await integration.PostAsJsonAsync("/api/events", Event(held))).StatusCode);
        Assert.Equal(1, await probe.Scalar<long>($"SELECT count(*) FROM Events WHERE EventId = '{held.ToString().ToUpperInvariant()}'"));
    }

    [Fact]
    public async Task Mixed_reads_and_writes_never_see_a_locked_database_and_lose_no_write()
    {
        await using var factory = new GamifyHubFactory();
        var integration = factory.WithApiKey();
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var acknowledged = new ConcurrentBag<Guid>();
        var failures = new ConcurrentBag<string>();
        // A fixed amount of event writes (not a time span: a loaded machine only takes longer); everything else runs beside
        // them until they are done.
        const int BatchesPerWriter = 8;
        var writersDone = new TaskCompletionSource();
        var running = () => !writersDone.Task.IsCompleted;

        async Task Writer()
        {
            for (var batch = 0; batch < BatchesPerWriter; batch++)
            {
                var events = Enumerable.Range(0, 25).Select(_ => new { eventId = Guid.CreateVersion7(), employee = ApiClient.Lena, type = "read" }).ToList();
                var response = await integration.PostAsJsonAsync("/api/events/batch", new { events });
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    events.ForEach(e => acknowledged.Add(e.eventId));
                }
                else
                {
                    failures.Add($"write {response.StatusCode}");
                }
            }
        }

        async Task Actor()
        {
            var items = (await ravi.GetJson("/api/feedback?pageSize=100")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetString()).ToList();
            var n = 0;
            while (running())
            {
                var response = await ravi.PostAsJsonAsync($"/api/feedback/{items[n++ % items.Count]}/actions", new { type = "tag", text = "load" });
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"action {response.StatusCode}");
                }
            }
        }

        async Task Reader(string url)
        {
            while (running())
            {
                var response = await ravi.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"read {url} {response.StatusCode}");
                }
            }
        }

        // Writes that do not go through the event writer (their own short transactions, waiting on SQLite's lock):
        // wallboard tokens, challenges with their reminders, and the notification centre's read flags and mutes.
        var admin = await factory.SignedIn(ApiClient.Admin);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var rnd = (await ravi.GetJson("/api/me")).GetProperty("departmentId").GetString();
        var tokens = new ConcurrentBag<string>();
        var challenges = new ConcurrentBag<string>();
        var lastMuted = Array.Empty<string>();

        async Task Expect(Task<HttpResponseMessage> call, HttpStatusCode status, string what, Action<System.Text.Json.JsonElement>? done = null)
        {
            var response = await call;
            if (response.StatusCode != status)
            {
                failures.Add($"{what} {response.StatusCode}");
            }
            else if (done is not null)
            {
                done(await response.Json());
            }
        }

        async Task Tokens()
        {
            while (running())
            {
                string? id = null;
                await Expect(admin.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = "Load screen" }), HttpStatusCode.Created,
                    "token", t => id = t.GetProperty("id").GetString());
                if (id is not null)
                {
                    await Expect(admin.DeleteAsync($"/api/admin/wallboard-tokens/{id}"), HttpStatusCode.NoContent, "revoke");
                    tokens.Add(id);
                }
            }
        }

        async Task Challenges()
        {
            while (running())
            {
                string? id = null;
                await Expect(lena.PostAsJsonAsync("/api/challenges", new
                {
                    name = "Load", description = "", metric = "action-count", action = "read", target = 1000,
                    startsAt = DateTimeOffset.UtcNow.AddHours(1), endsAt = DateTimeOffset.UtcNow.AddHours(2), scope = "department",
                    departmentIds = new[] { rnd }, rewardPoints = 1, schedule = true,
                }), HttpStatusCode.Created, "challenge", c => id = c.GetProperty("id").GetString());
                if (id is not null)
                {
                    await Expect(lena.PostAsync($"/api/challenges/{id}/cancel", null), HttpStatusCode.OK, "cancel");
                    challenges.Add(id);
                }
            }
        }

        async Task Inbox()
        {
            var n = 0;
            while (running())
            {
                await Expect(ravi.PostAsync("/api/notifications/read-all", null), HttpStatusCode.OK, "read-all");
                string[] muted = n++ % 2 == 0 ? ["kudos"] : ["kudos", "badge"];
                await Expect(ravi.PutAsJsonAsync("/api/notifications/preferences", new { muted }), HttpStatusCode.OK, "mute");
                lastMuted = muted;
            }
        }

        var writers = Task.WhenAll(Writer(), Writer(), Writer()).ContinueWith(_ => writersDone.SetResult(), TaskScheduler.Default);
        await Task.WhenAll(writers, Actor(), Reader("/api/feedback?status=all&pageSize=50"),
            Reader("/api/boards/employees?window=week&top=50"), Reader("/api/me"), Reader("/api/boards/departments?window=all"),
            Tokens(), Challenges(), Inbox());

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)) + "\nserver errors:\n"
            + string.Join("\n", factory.Logs.Entries.Where(e => e.StartsWith("Error", StringComparison.Ordinal)).Take(3)));
        var probe = new DatabaseProbe(factory.DatabasePath);
        Assert.True(tokens.Count > 0 && challenges.Count > 0, $"only {tokens.Count} tokens and {challenges.Count} challenges");
        Assert.Equal(tokens.Count, await probe.Scalar<long>("SELECT count(*) FROM WallboardTokens WHERE RevokedAt IS NOT NULL"));
        Assert.Equal(challenges.Count, await probe.Scalar<long>("SELECT count(*) FROM Challenges WHERE Status = 'Cancelled'"));
        Assert.Equal(lastMuted.Order(), (await ravi.GetJson("/api/notifications/preferences")).GetProperty("muted").EnumerateArray()
            .Select(m => m.GetString()).Order());
        Assert.Equal(3 * BatchesPerWriter * 25, acknowledged.Count);
        var stored = (await probe.EventsWithPoints("api")).Select(e => e.EventId).ToHashSet();
        Assert.Equal(acknowledged.Count, stored.Count);
        Assert.Superset(acknowledged.ToHashSet(), stored);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Contains("locked", StringComparison.OrdinalIgnoreCase)
            || e.Contains("SQLITE_BUSY", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Health_reports_the_silo_the_database_and_the_writer_and_readiness_drops_without_the_writer()
    {
        await using var factory = new GamifyHubFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = (await ready.Json()).GetProperty("checks");
        Assert.Equal(["database", "silo", "writer"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
        Assert.Equal(0, checks.GetProperty("writer").GetProperty("data").GetProperty("pending").GetInt32());

        await factory.Services.GetRequiredService<EngagementWriter>().StopAsync(CancellationToken.None);

        var notReady = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("Unhealthy", (await notReady.Json()).GetProperty("checks").GetProperty("writer").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
