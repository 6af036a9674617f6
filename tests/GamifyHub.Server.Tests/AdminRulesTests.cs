using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

public sealed class AdminRulesTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_current_rules_are_the_format_2_document()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);

        var rules = await admin.GetJson("/api/admin/rules");

        Assert.Equal(2, rules.GetProperty("format").GetInt32());
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
    public async Task Only_admins_see_or_preview_rules()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);

        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.GetAsync("/api/admin/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ravi.PostAsync("/api/admin/rules/preview", Json("{}"))).StatusCode);
    }
}
