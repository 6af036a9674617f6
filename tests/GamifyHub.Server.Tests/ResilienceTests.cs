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

    [Fact]
    public async Task Mixed_reads_and_writes_never_see_a_locked_database_and_lose_no_write()
    {
        await using var factory = new GamifyHubFactory();
        var integration = factory.WithApiKey();
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var acknowledged = new ConcurrentBag<Guid>();
        var failures = new ConcurrentBag<string>();
        var until = DateTime.UtcNow.AddSeconds(6);

        async Task Writer()
        {
            while (DateTime.UtcNow < until)
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
            while (DateTime.UtcNow < until)
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
            while (DateTime.UtcNow < until)
            {
                var response = await ravi.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"read {url} {response.StatusCode}");
                }
            }
        }

        await Task.WhenAll(Writer(), Writer(), Writer(), Actor(), Reader("/api/feedback?status=all&pageSize=50"),
            Reader("/api/boards/employees?window=week&top=50"), Reader("/api/me"), Reader("/api/boards/departments?window=all"));

        Assert.Empty(failures);
        Assert.True(acknowledged.Count > 100, $"only {acknowledged.Count} writes in 6 s");
        var stored = (await new DatabaseProbe(factory.DatabasePath).EventsWithPoints("api")).Select(e => e.EventId).ToHashSet();
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
