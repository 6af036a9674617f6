using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>
/// Outcome-weighted scoring through the real pipeline: a resolve pays "closed the loop" only when someone replied to the
/// item before it, otherwise the smaller "resolve-unanswered" award; rescoring applies that to history.
/// </summary>
public sealed class OutcomeScoringTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Act(HttpClient client, string item, object action)
    {
        var response = await client.PostAsJsonAsync($"/api/feedback/{item}/actions", action);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Json();
    }

    private static List<string> Rules(JsonElement accepted) =>
        [.. accepted.GetProperty("awards").EnumerateArray().Select(a => a.GetProperty("rule").GetString()!)];

    private static JsonElement Award(JsonElement accepted, string rule) =>
        accepted.GetProperty("awards").EnumerateArray().Single(a => a.GetProperty("rule").GetString() == rule);

    private static long Sum(JsonElement accepted) => accepted.GetProperty("awards").EnumerateArray().Sum(a => a.GetProperty("points").GetInt64());

    private static async Task<(string First, string Second)> TwoUnansweredItems(HttpClient client)
    {
        var first = await client.FirstOpenItem(i => i.GetProperty("replyCount").GetInt32() == 0);
        var second = await client.FirstOpenItem(i => i.GetProperty("replyCount").GetInt32() == 0 && i.GetProperty("id").GetString() != first);
        return (first, second);
    }

    [Fact]
    public async Task A_resolve_after_a_reply_closes_the_loop_and_one_without_earns_the_smaller_award_that_a_reopen_returns()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var (answered, unanswered) = await TwoUnansweredItems(ravi);

        await Act(ravi, answered, new { type = "reply", text = "Thanks, we are on it." });
        var closed = await Act(ravi, answered, new { type = "resolve", note = "Fixed in 2.4, customer told." });
        var bare = await Act(ravi, unanswered, new { type = "resolve", note = "Fixed in 2.4." });

        Assert.Contains("resolve", Rules(closed));
        Assert.DoesNotContain("resolve-unanswered", Rules(closed));
        Assert.StartsWith("Closed the loop with the customer", Award(closed, "resolve").GetProperty("reason").GetString());
        Assert.Contains("resolve-unanswered", Rules(bare));
        Assert.DoesNotContain("resolve", Rules(bare));
        var smaller = Award(bare, "resolve-unanswered");
        Assert.StartsWith("Resolved without a reply to the customer", smaller.GetProperty("reason").GetString());
        Assert.InRange(smaller.GetProperty("points").GetInt32(), 1, Award(closed, "resolve").GetProperty("points").GetInt32() - 1);

        var reopened = await Act(ravi, unanswered, new { type = "reopen", note = "Still broken." });

        Assert.Equal(-Sum(bare), Sum(reopened));
        Assert.All(Rules(reopened), r => Assert.EndsWith(":clawback", r));
    }

    [Fact]
    public async Task Rescoring_history_gives_a_resolve_without_a_reply_the_smaller_award_and_a_second_rescore_changes_no_line()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var current = await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync();

        // History made under the rules before outcome-weighted scoring: one unconditional "closed the loop" for every resolve.
        var before = JsonNode.Parse(current)!;
        var rules = before["rules"]!.AsArray();
        rules.Remove(rules.Single(r => r!["id"]!.GetValue<string>() == "resolve-unanswered"));
        rules.Single(r => r!["id"]!.GetValue<string>() == "resolve")!.AsObject().Remove("when");
        await Apply(admin, before.ToJsonString());
        var (answered, unanswered) = await TwoUnansweredItems(ravi);
        await Act(ravi, answered, new { type = "reply", text = "Thanks, we are on it." });
        var closed = await Act(ravi, answered, new { type = "resolve", note = "Done." });
        var bare = await Act(ravi, unanswered, new { type = "resolve", note = "Done." });
        Assert.Contains("resolve", Rules(bare));

        await Apply(admin, current);

        var probe = new DatabaseProbe(factory.DatabasePath);
        Assert.Equal("resolve", await OwnRule(probe, closed));
        Assert.Equal("resolve-unanswered", await OwnRule(probe, bare));
        var lines = await AwardLines(probe);

        await Apply(admin, current);

        Assert.Equal(lines, await AwardLines(probe));
    }

    private static async Task Apply(HttpClient admin, string rules)
    {
        var response = await admin.PostAsync("/api/admin/rules/apply", Json(rules));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static Task<string> OwnRule(DatabaseProbe probe, JsonElement accepted) => probe.Scalar<string>($"""
        SELECT a.RuleId FROM Awards a JOIN Events e ON e.Seq = a.EventSeq
        WHERE upper(a.EventId) = upper('{accepted.GetProperty("eventId").GetString()}') AND a.EmployeeId = e.EmployeeId
        """);

    /// <summary>Every award line with every column but its row id and the rule version (which names the version just applied).</summary>
    private static Task<string> AwardLines(DatabaseProbe probe) => probe.Scalar<string>("""
        SELECT group_concat(line, char(10)) FROM (
          SELECT EventSeq || '|' || EventId || '|' || EmployeeId || '|' || DepartmentId || '|' || COALESCE(FeedbackId, '') || '|' ||
                 Points || '|' || Category || '|' || RuleId || '|' || Reason || '|' || OccurredAt AS line
          FROM Awards ORDER BY EventSeq, Id)
        """);
}
