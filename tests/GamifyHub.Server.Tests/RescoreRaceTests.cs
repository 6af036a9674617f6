using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains;
using GamifyHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Tests;

/// <summary>
/// Rule changes applied while employees keep acting: an event scored just before a rescore commits must not keep the old
/// rules' points. Afterwards the stored award lines must be exactly what replaying the log under the rules in force gives.
/// </summary>
public sealed class RescoreRaceTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Scaled(string rulesJson, int numerator, int denominator)
    {
        var rules = JsonNode.Parse(rulesJson)!;
        foreach (var rule in rules["rules"]!.AsArray())
        {
            rule!["points"] = rule["points"]!.GetValue<int>() * numerator / denominator;
        }

        return rules.ToJsonString();
    }

    [Fact]
    public async Task Events_acted_during_rescores_end_up_scored_by_the_rules_in_force()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var original = await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync();
        var actors = new[] { ApiClient.Ravi, ApiClient.Sofia, ApiClient.Lena };
        using var stop = new CancellationTokenSource();
        var accepted = 0;

        // Each actor works through open items: read, reply, resolve, reopen (the reopen claws back the resolve's lines,
        // which a rescore in between changes).
        var workers = actors.Select(email => Task.Run(async () =>
        {
            var client = await factory.SignedIn(email);
            var page = await client.GetJson("/api/feedback?status=open&pageSize=100");
            var items = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
            string[] steps = ["{\"type\":\"read\",\"dwellSeconds\":60}", "{\"type\":\"reply\",\"text\":\"Thank you, we are on it.\"}",
                "{\"type\":\"resolve\",\"note\":\"Fixed in the latest release.\"}", "{\"type\":\"reopen\"}"];
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var item = items[i / steps.Length % items.Count];
                var response = await client.PostAsync($"/api/feedback/{item}/actions", Json(steps[i % steps.Length]));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref accepted);
                }
                // 409: e.g. an item someone else resolved; 503: rules replaced again and again while this was scored, nothing
                // was stored (the answer asks to retry).
                else if (response.StatusCode is not (HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable))
                {
                    Assert.Fail($"{steps[i % steps.Length]} on {item}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n" +
                        string.Join('\n', factory.Logs.Entries.Where(e => e.StartsWith("Error", StringComparison.Ordinal)).TakeLast(3)));
                }
            }
        })).ToList();

        // An integration sends the same people's events in batches meanwhile: several of an employee's events are in flight
        // at once, and those a rescore makes stale are scored again, in order.
        workers.Add(Task.Run(async () =>
        {
            var integration = factory.WithApiKey();
            string[] types = ["read", "reply", "tag", "insight"];
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var events = Enumerable.Range(0, 12).Select(i => new
                {
                    eventId = Guid.CreateVersion7(), employee = actors[(n + i) % actors.Length], type = types[(n + i) % types.Length],
                }).ToArray();
                var response = await integration.PostAsJsonAsync("/api/events/batch", new { events });
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref accepted);
                }
                else if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    Assert.Fail($"A batch: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));

        await Eventually.True(() => Task.FromResult(Volatile.Read(ref accepted) > 20), 30_000);
        foreach (var rules in new[] { Scaled(original, 3, 1), Scaled(original, 2, 1), original, Scaled(original, 3, 1), original })
        {
            var applied = await admin.PostAsync("/api/admin/rules/apply", Json(rules));
            Assert.True(applied.StatusCode == HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
            var seen = Volatile.Read(ref accepted);
            await Eventually.True(() => Task.FromResult(Volatile.Read(ref accepted) > seen + 10), 30_000);
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var ruleBook = factory.Services.GetRequiredService<RuleBook>();
        var (events, items) = await factory.Services.GetRequiredService<ProjectionReader>().LoadReplay();
        var replay = ScoreReplay.Run(ruleBook.Current, events, items, factory.Services.GetRequiredService<IOptions<CompanyOptions>>().Value.Zone);
        var expected = replay.Events
            .SelectMany(e => e.Awards.Select(a => (e.EventId, a.EmployeeId, (long)a.Points, a.RuleId, a.RuleVersion)))
            .Order().ToList();

        var stored = await new DatabaseProbe(factory.DatabasePath).AwardLines();
        Assert.All(stored, line => Assert.Equal(ruleBook.Current.Version, line.RuleVersion));
        Assert.Equal(expected, stored);

        // The live projections agree with the log too, once the fan-out of the last commits has reached them.
        foreach (var email in actors)
        {
            var client = await factory.SignedIn(email);
            var id = Guid.Parse((await client.GetJson("/api/me")).GetProperty("employeeId").GetString()!);
            var expectedTotal = replay.Employees.TryGetValue(id, out var score) ? score.Total : 0;
            await Eventually.True(async () => (await client.GetJson("/api/me")).GetProperty("points").GetInt64() == expectedTotal);
        }
    }
}
