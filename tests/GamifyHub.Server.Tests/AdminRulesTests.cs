using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

public sealed class AdminRulesTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_current_rules_are_the_format_3_document()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);

        var rules = await admin.GetJson("/api/admin/rules");

        Assert.Equal(3, rules.GetProperty("format").GetInt32());
        Assert.NotEmpty(rules.GetProperty("rules").EnumerateArray());
        Assert.NotEmpty(rules.GetProperty("badges").EnumerateArray());
    }

    [Fact]
    public async Task Previewing_changes_nothing_for_the_same_rules_and_shows_the_gain_of_richer_ones()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var current = await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync();

        var same = await (await admin.PostAsync("/api/admin/rules/preview", Json(current))).Json();
        Assert.Equal(0, same.GetProperty("totalDelta").GetInt64());
        Assert.Empty(same.GetProperty("employees").EnumerateArray());

        var richer = JsonNode.Parse(current)!;
        foreach (var rule in richer["rules"]!.AsArray())
        {
            rule!["points"] = rule["points"]!.GetValue<int>() * 2;
        }

        richer["version"] = richer["version"]!.GetValue<int>() + 1;
        var response = await admin.PostAsync("/api/admin/rules/preview", Json(richer.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var diff = await response.Json();
        Assert.True(diff.GetProperty("totalAfter").GetInt64() > diff.GetProperty("totalBefore").GetInt64());
        Assert.True(diff.GetProperty("employeesAffected").GetInt32() > 0);
    }

    [Fact]
    public async Task An_invalid_rule_set_gets_a_400_naming_the_problem()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var rules = JsonNode.Parse(await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync())!;
        rules["rules"]![0]!["points"] = -5;

        var invalid = await admin.PostAsync("/api/admin/rules/preview", Json(rules.ToJsonString()));
        var unreadable = await admin.PostAsync("/api/admin/rules/preview", Json("{\"format\":7}"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("rules[0]", (await invalid.Content.ReadAsStringAsync()).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("format 7", await unreadable.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_rule_set_with_too_many_rules_is_refused_naming_the_field_and_nothing_changes()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var before = await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync();
        var rules = JsonNode.Parse(before)!;
        var template = rules["rules"]![0]!.ToJsonString();
        var many = new JsonArray();
        for (var i = 0; i < 201; i++)
        {
            var rule = JsonNode.Parse(template)!;
            rule["id"] = $"rule-{i}";
            many.Add(rule);
        }

        rules["rules"] = many;

        foreach (var route in new[] { "/api/admin/rules/preview", "/api/admin/rules/apply" })
        {
            var answer = await admin.PostAsync(route, Json(rules.ToJsonString()));
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            var errors = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["errors"]!.AsObject();
            var field = Assert.Single(errors);
            Assert.Equal("rules", field.Key, ignoreCase: true);
            Assert.Contains("at most 200 rules", field.Value!.ToJsonString());
        }

        Assert.Equal(before, await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_admins_see_or_preview_rules()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);

        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.GetAsync("/api/admin/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PostAsync("/api/admin/rules/preview", Json("{}"))).StatusCode);
    }
}

/// <summary>Applying a rule set rescores the whole log; its own fixture, since it changes the rules in force.</summary>
public sealed class AdminRulesApplyTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonNode> DoubledReadPoints(HttpClient admin)
    {
        var rules = JsonNode.Parse(await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync())!;
        foreach (var rule in rules["rules"]!.AsArray())
        {
            if (string.Equals(rule!["action"]!.GetValue<string>(), "read", StringComparison.OrdinalIgnoreCase))
            {
                rule["points"] = Math.Max(1, rule["points"]!.GetValue<int>()) * 2;
            }
        }

        rules["version"] = 999; // ignored: the server assigns the next version
        return rules;
    }

    [Fact]
    public async Task Applying_rescores_the_log_and_every_projection_shows_the_replayed_totals()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem();
        var read = await ravi.PostAsync($"/api/feedback/{item}/actions", Json("{\"type\":\"read\",\"dwellSeconds\":120}"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var me = await ravi.GetJson("/api/me");
        var raviId = me.GetProperty("employeeId").GetString()!;
        var oldVersion = (await admin.GetJson("/api/admin/rules")).GetProperty("version").GetInt32();
        var proposed = (await DoubledReadPoints(admin)).ToJsonString();

        var preview = await (await admin.PostAsync("/api/admin/rules/preview", Json(proposed))).Json();
        var raviRow = preview.GetProperty("employees").EnumerateArray()
            .Single(e => string.Equals(e.GetProperty("employeeId").GetString(), raviId, StringComparison.OrdinalIgnoreCase));
        var expected = raviRow.GetProperty("pointsAfter").GetInt64();
        Assert.True(expected > raviRow.GetProperty("pointsBefore").GetInt64());

        var response = await admin.PostAsync("/api/admin/rules/apply", Json(proposed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var applied = await response.Json();
        Assert.Equal(oldVersion + 1, applied.GetProperty("version").GetInt32());
        Assert.Equal(preview.GetProperty("totalAfter").GetInt64(), applied.GetProperty("totalAfter").GetInt64());
        Assert.Equal(oldVersion + 1, (await admin.GetJson("/api/admin/rules")).GetProperty("version").GetInt32());
        Assert.Equal(expected, (await ravi.GetJson("/api/me")).GetProperty("points").GetInt64());
        var board = await ravi.GetJson("/api/boards/employees?window=all&top=100&around=me");
        Assert.Equal(expected, board.GetProperty("me").GetProperty("score").GetInt64());

        var probe = new DatabaseProbe(factory.DatabasePath);
        Assert.Equal(0L, await probe.Scalar<long>($"SELECT count(*) FROM Awards WHERE RuleVersion <> {oldVersion + 1}"));
        Assert.Equal(preview.GetProperty("totalAfter").GetInt64(), await probe.Scalar<long>("SELECT COALESCE(SUM(Points), 0) FROM Awards"));
        Assert.Equal(1L, await probe.Scalar<long>($"SELECT count(*) FROM RuleChanges WHERE Kind = 'apply' AND Version = {oldVersion + 1} AND Actor = '{ApiClient.Admin}'"));
        Assert.True(await probe.Scalar<long>("SELECT count(*) FROM RuleChanges WHERE Kind = 'preview'") >= 1);
        Assert.Equal(ApiClient.Admin, await probe.Scalar<string>($"SELECT CreatedBy FROM RuleSets WHERE Version = {oldVersion + 1}"));

        // Later events are scored with the new rules.
        var again = await ravi.PostAsync($"/api/feedback/{await ravi.FirstOpenItem(i => i.GetProperty("id").GetString() != item)}/actions",
            Json("{\"type\":\"read\",\"dwellSeconds\":120}"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0L, await probe.Scalar<long>($"SELECT count(*) FROM Awards WHERE RuleVersion <> {oldVersion + 1}"));
    }

    [Fact]
    public async Task An_invalid_rule_set_is_a_400_and_changes_nothing()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var probe = new DatabaseProbe(factory.DatabasePath);
        var rules = JsonNode.Parse(await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync())!;
        var version = rules["version"]!.GetValue<int>();
        rules["rules"]![0]!["points"] = -5;
        var before = await probe.StateFingerprint();

        var invalid = await admin.PostAsync("/api/admin/rules/apply", Json(rules.ToJsonString()));
        var unreadable = await admin.PostAsync("/api/admin/rules/apply", Json("{\"format\":7}"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("rules[0]", (await invalid.Content.ReadAsStringAsync()).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(before, await probe.StateFingerprint());
        Assert.Equal(version, (await admin.GetJson("/api/admin/rules")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Employees_may_not_apply_rules()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var admin = await factory.SignedIn(ApiClient.Admin);
        var current = await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PostAsync("/api/admin/rules/apply", Json(current))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PostAsync("/api/admin/rules/apply", Json("{}"))).StatusCode);
    }
}
