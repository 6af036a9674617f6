using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>The admin's view of anti-gaming flags, raised by real actions through the API.</summary>
public sealed class AdminFlagsTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static async Task<string> EmployeeId(HttpClient client) =>
        (await client.GetJson("/api/me")).GetProperty("employeeId").GetString()!;

    private static async Task<string> Read(HttpClient client, string item, int dwellSeconds)
    {
        var response = await client.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read", dwellSeconds });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Json()).GetProperty("eventId").GetString()!;
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task The_admin_sees_a_fast_read_and_a_burst_with_the_event_the_employee_and_the_item()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var sofiaId = await EmployeeId(sofia);
        var raviId = await EmployeeId(ravi);

        // A read of one second is below the rules' minimum read time.
        var sofiaItem = await sofia.FirstOpenItem();
        var fastRead = await Read(sofia, sofiaItem, dwellSeconds: 1);

        // Six reads of different items within a minute: the sixth is a burst (default rules: 6 within 60 s).
        var page = await ravi.GetJson("/api/feedback?status=open&pageSize=100");
        var raviItems = Items(page).Select(i => i.GetProperty("id").GetString()!).Take(6).ToList();
        Assert.Equal(6, raviItems.Count);
        var reads = new List<string>();
        foreach (var item in raviItems)
        {
            reads.Add(await Read(ravi, item, dwellSeconds: 120));
        }

        var tooFast = Items(await admin.GetJson($"/api/admin/flags?kind=read-too-fast&employeeId={sofiaId}"));
        var row = Assert.Single(tooFast, r => r.GetProperty("eventId").GetString() == fastRead);
        Assert.Equal("read-too-fast", row.GetProperty("flag").GetString());
        Assert.Equal("read", row.GetProperty("actionType").GetString());
        Assert.Equal(sofiaItem, row.GetProperty("feedbackId").GetString());
        Assert.Equal(sofiaId, row.GetProperty("employeeId").GetString());
        Assert.Equal("Sofia Rossi", row.GetProperty("employeeName").GetString());
        Assert.Equal("Customer Service", row.GetProperty("departmentName").GetString());
        Assert.True(row.GetProperty("at").GetDateTime() > DateTime.UtcNow.AddMinutes(-10));

        var bursts = Items(await admin.GetJson($"/api/admin/flags?kind=burst&employeeId={raviId}"));
        var burst = Assert.Single(bursts, r => r.GetProperty("eventId").GetString() == reads[5]);
        Assert.Equal("burst", burst.GetProperty("flag").GetString());
        Assert.Equal(raviItems[5], burst.GetProperty("feedbackId").GetString());
        Assert.Equal("Ravi Patel", burst.GetProperty("employeeName").GetString());
        Assert.Equal("Research & Development", burst.GetProperty("departmentName").GetString());
        Assert.DoesNotContain(bursts, r => reads.Take(5).Contains(r.GetProperty("eventId").GetString()));

        // Filters hold: one kind, one employee.
        Assert.All(bursts, r => Assert.Equal("burst", r.GetProperty("flag").GetString()));
        Assert.All(bursts, r => Assert.Equal(raviId, r.GetProperty("employeeId").GetString()));
        Assert.DoesNotContain(Items(await admin.GetJson($"/api/admin/flags?kind=burst&employeeId={sofiaId}")),
            r => r.GetProperty("eventId").GetString() == fastRead);

        // Unfiltered: newest first, so today's flags lead the seeded history.
        var all = await admin.GetJson("/api/admin/flags?pageSize=200");
        var times = Items(all).Select(r => r.GetProperty("at").GetDateTime()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Contains(Items(all).Take(5), r => r.GetProperty("eventId").GetString() == reads[5]);
        Assert.Contains(Items(all).Take(5), r => r.GetProperty("eventId").GetString() == fastRead);
    }

    [Fact]
    public async Task Pages_split_the_newest_first_list_without_overlap()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var page = await sofia.GetJson("/api/feedback?status=open&pageSize=100");
        foreach (var item in Items(page).Select(i => i.GetProperty("id").GetString()!).Skip(10).Take(3))
        {
            await Read(sofia, item, dwellSeconds: 0);
        }

        var whole = await admin.GetJson("/api/admin/flags?kind=read-too-fast&pageSize=4");
        var first = await admin.GetJson("/api/admin/flags?kind=read-too-fast&page=1&pageSize=2");
        var second = await admin.GetJson("/api/admin/flags?kind=read-too-fast&page=2&pageSize=2");

        Assert.True(first.GetProperty("total").GetInt32() >= 3);
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(
            Items(whole).Select(r => r.GetProperty("id").GetInt64()),
            Items(first).Concat(Items(second)).Select(r => r.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData(ApiClient.Ravi)]
    [InlineData(ApiClient.Lena)]
    public async Task Employees_and_managers_may_not_see_flags_or_the_rule_history(string email)
    {
        var user = await factory.SignedIn(email);

        await ProblemAssert.Is(await user.GetAsync("/api/admin/flags"), HttpStatusCode.Forbidden, "does not allow");
        await ProblemAssert.Is(await user.GetAsync("/api/admin/rules/history"), HttpStatusCode.Forbidden, "does not allow");
    }

    [Fact]
    public async Task Anonymous_callers_are_told_to_sign_in()
    {
        var anonymous = factory.CreateClient();

        await ProblemAssert.Is(await anonymous.GetAsync("/api/admin/flags"), HttpStatusCode.Unauthorized, "sign in");
    }

    [Theory]
    [InlineData("/api/admin/flags?kind=slow", "'kind'")]
    [InlineData("/api/admin/flags?employeeId=ravi", "'employeeId'")]
    [InlineData("/api/admin/flags?page=0", "'page'")]
    [InlineData("/api/admin/flags?page=two", "'page'")]
    [InlineData("/api/admin/flags?pageSize=0", "'pageSize'")]
    [InlineData("/api/admin/flags?pageSize=201", "'pageSize'")]
    [InlineData("/api/admin/flags?page=-1", "'page'")]
    [InlineData("/api/admin/flags?page=2147483647&pageSize=200", "'page'")]
    [InlineData("/api/admin/flags?employeeId=00000000-0000-0000-0000-00000000000g", "'employeeId'")]
    [InlineData("/api/admin/rules/history?kind=delete", "'kind'")]
    [InlineData("/api/admin/rules/history?pageSize=1000", "'pageSize'")]
    public async Task Bad_query_parameters_are_a_400_naming_the_parameter(string url, string named)
    {
        var admin = await factory.SignedIn(ApiClient.Admin);

        var response = await admin.GetAsync(url);

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, named);
        var errors = (await response.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(named.Trim('\''), out _));
    }
}

/// <summary>The rule change audit as the admin reads it; its own fixture, since it applies a rule set.</summary>
public sealed class AdminRuleHistoryTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Previews_name_the_employees_and_the_history_lists_who_previewed_and_applied_what_newest_first()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var raviId = (await ravi.GetJson("/api/me")).GetProperty("employeeId").GetString();
        var read = await ravi.PostAsync($"/api/feedback/{await ravi.FirstOpenItem()}/actions", Json("{\"type\":\"read\",\"dwellSeconds\":120}"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var rules = JsonNode.Parse(await (await admin.GetAsync("/api/admin/rules")).Content.ReadAsStringAsync())!;
        var version = rules["version"]!.GetValue<int>();
        foreach (var rule in rules["rules"]!.AsArray())
        {
            if (rule!["action"]!.GetValue<string>() == "read")
            {
                rule["points"] = rule["points"]!.GetValue<int>() * 2;
            }
        }

        var preview = await (await admin.PostAsync("/api/admin/rules/preview", Json(rules.ToJsonString()))).Json();
        Assert.Equal(version, preview.GetProperty("currentVersion").GetInt32());
        var raviRow = preview.GetProperty("employees").EnumerateArray()
            .Single(e => string.Equals(e.GetProperty("employeeId").GetString(), raviId, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Ravi Patel", raviRow.GetProperty("name").GetString());
        Assert.Equal("Research & Development", raviRow.GetProperty("departmentName").GetString());
        Assert.True(raviRow.GetProperty("delta").GetInt64() > 0);

        var applied = await (await admin.PostAsync("/api/admin/rules/apply", Json(rules.ToJsonString()))).Json();
        Assert.Equal(version + 1, applied.GetProperty("version").GetInt32());
        Assert.Contains(applied.GetProperty("employees").EnumerateArray(), e => e.GetProperty("name").GetString() == "Ravi Patel");

        var history = await admin.GetJson("/api/admin/rules/history");
        var rows = history.GetProperty("items").EnumerateArray().ToList();
        Assert.True(history.GetProperty("total").GetInt32() >= 2);
        Assert.Equal("apply", rows[0].GetProperty("kind").GetString());
        Assert.Equal(version + 1, rows[0].GetProperty("version").GetInt32());
        Assert.Equal(ApiClient.Admin, rows[0].GetProperty("actor").GetString());
        Assert.True(rows[0].GetProperty("at").GetDateTime() > DateTime.UtcNow.AddMinutes(-10));
        Assert.Equal(applied.GetProperty("totalAfter").GetInt64(), rows[0].GetProperty("summary").GetProperty("totalAfter").GetInt64());
        Assert.Equal("preview", rows[1].GetProperty("kind").GetString());
        Assert.Equal(version, rows[1].GetProperty("version").GetInt32());
        Assert.Equal(preview.GetProperty("totalDelta").GetInt64(), rows[1].GetProperty("summary").GetProperty("totalDelta").GetInt64());

        var applies = await admin.GetJson("/api/admin/rules/history?kind=apply&pageSize=5");
        Assert.All(applies.GetProperty("items").EnumerateArray(), r => Assert.Equal("apply", r.GetProperty("kind").GetString()));
        Assert.Equal(5, applies.GetProperty("pageSize").GetInt32());
    }
}
