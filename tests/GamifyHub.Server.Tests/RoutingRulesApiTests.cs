using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>Admin-editable, ordered routing rules through the API: order, triage, validation, audit.</summary>
public sealed class RoutingRulesApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static string Dept(JsonElement view, string name) =>
        view.GetProperty("departments").EnumerateArray().First(d => d.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    private async Task<List<string?>> RouteOf(string text)
    {
        var response = await factory.WithApiKey().PostAsJsonAsync("/api/feedback",
            new { channel = "blog", externalId = $"r-{Guid.NewGuid():N}", text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return [.. (await response.Json()).GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("name").GetString())];
    }

    [Fact]
    public async Task Rules_apply_in_their_order_every_match_adds_its_departments_and_the_triage_department_is_configurable()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var original = await admin.GetJson("/api/admin/routing-rules");
        Assert.Equal(6, original.GetProperty("rules").GetArrayLength());
        var logistics = Dept(original, "Operations & Logistics");
        var rnd = Dept(original, "Research & Development");
        var sales = Dept(original, "Sales");

        object Rules(string triage, params (string Name, string Keyword, string Department)[] rules) => new
        {
            triageDepartmentId = triage,
            rules = rules.Select(r => new { name = r.Name, keywords = new[] { r.Keyword }, channels = Array.Empty<string>(), departmentIds = new[] { r.Department } }),
        };

        var put = await admin.PutAsJsonAsync("/api/admin/routing-rules",
            Rules(sales, ("Kettle to logistics", "kettle", logistics), ("Kettle to R&D", "kettle", rnd)));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["Operations & Logistics", "Research & Development"], await RouteOf("My kettle leaks"));
        Assert.Equal(["Sales"], await RouteOf("Nothing any rule knows about"));

        put = await admin.PutAsJsonAsync("/api/admin/routing-rules",
            Rules(sales, ("Kettle to R&D", "kettle", rnd), ("Kettle to logistics", "kettle", logistics)));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["Research & Development", "Operations & Logistics"], await RouteOf("My kettle leaks"));

        var view = await admin.GetJson("/api/admin/routing-rules");
        Assert.Equal(sales, view.GetProperty("triageDepartmentId").GetString());
        Assert.Equal("Kettle to R&D", view.GetProperty("rules")[0].GetProperty("name").GetString());
        Assert.Equal("admin@demo.gamifyhub", view.GetProperty("lastChange").GetProperty("actor").GetString());
        var probe = new DatabaseProbe(factory.DatabasePath);
        Assert.True(await probe.Scalar<long>("SELECT COUNT(*) FROM RoutingRuleChanges WHERE Actor = 'admin@demo.gamifyhub'") >= 2);

        // Put the demo rules back for the other tests of this class.
        var restore = await admin.PutAsJsonAsync("/api/admin/routing-rules", new
        {
            triageDepartmentId = original.GetProperty("triageDepartmentId").GetString(),
            rules = original.GetProperty("rules"),
        });
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal(["Research & Development"], await RouteOf("The app crashes"));
    }

    [Fact]
    public async Task Invalid_rules_are_a_problem_naming_each_path_and_change_nothing()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var before = (await admin.GetJson("/api/admin/routing-rules")).GetProperty("rules").GetRawText();
        var rnd = Dept(await admin.GetJson("/api/admin/routing-rules"), "Research & Development");

        var response = await admin.PutAsJsonAsync("/api/admin/routing-rules", new
        {
            triageDepartmentId = Guid.NewGuid().ToString(),
            rules = new object?[]
            {
                new { name = "", keywords = new[] { "crash" }, departmentIds = new[] { rnd } },
                new { name = "By person", keywords = new[] { "Ravi Patel" }, departmentIds = new[] { rnd } },
                new { name = "Bad channel", channels = new[] { "myspace" }, departmentIds = new[] { "nope" } },
                null,
            },
        });
        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "triageDepartmentId");
        var errors = (await response.Json()).GetProperty("errors");
        foreach (var path in new[] { "rules[0].name", "rules[1].keywords[0]", "rules[2].channels[0]", "rules[2].departmentIds[0]", "rules[3]" })
        {
            Assert.True(errors.TryGetProperty(path, out _), $"no error for {path}: {errors}");
        }

        Assert.Equal(before, (await admin.GetJson("/api/admin/routing-rules")).GetProperty("rules").GetRawText());
    }

    [Fact]
    public async Task Only_admins_read_or_change_routing_rules()
    {
        var lena = await factory.SignedIn(ApiClient.Lena);
        Assert.Equal(HttpStatusCode.Forbidden, (await lena.GetAsync("/api/admin/routing-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lena.PutAsJsonAsync("/api/admin/routing-rules", new { rules = Array.Empty<object>() })).StatusCode);
    }
}
