using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>The history of the benchmarks document and the return model through the real host and SQLite: every version
/// listed newest first with who saved it, any version read whole, and going back as an ordinary audited edit. A fixture
/// of its own, and each document edited by one test only, so the version numbers here are exact.</summary>
public sealed class AnalyticsStudyHistoryApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    /// <summary>The two documents, by the name their routes use.</summary>
    public static TheoryData<string> Kinds => new() { "benchmarks", "return-model" };

    private static string Read(string kind) => $"/api/analytics/{kind}";
    private static string Admin(string kind) => $"/api/admin/analytics/{kind}";
    private static string Versions(string kind) => $"/api/admin/analytics/{kind}/versions";

    private static JsonObject Node(JsonElement element) => JsonNode.Parse(element.GetRawText())!.AsObject();

    /// <summary>The figure the test changes: R&amp;D's read rate in the benchmarks, the hourly cost in the return model.</summary>
    private static decimal Figure(string kind, JsonElement document) => kind == "benchmarks"
        ? document.GetProperty("studies").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "tcs2013").GetProperty("figures")
            .EnumerateArray().Single(f => f.GetProperty("id").GetString() == "tcs2013.readRate.rd").GetProperty("value").GetDecimal()
        : document.GetProperty("hourlyCost").GetDecimal();

    private static JsonObject WithFigure(string kind, JsonElement document, decimal value)
    {
        var node = Node(document);
        if (kind == "benchmarks")
        {
            var figure = node["studies"]!.AsArray().Single(s => (string)s!["id"]! == "tcs2013")!["figures"]!.AsArray()
                .Single(f => (string)f!["id"]! == "tcs2013.readRate.rd")!;
            figure["value"] = value;
        }
        else
        {
            node["hourlyCost"] = value;
        }

        return node;
    }

    private static async Task<JsonElement> Put(HttpClient admin, string kind, JsonObject document)
    {
        var response = await admin.PutAsJsonAsync(Admin(kind), document);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }

    /// <summary>A second admin, so the history has two authors to tell apart.</summary>
    private async Task<(HttpClient Client, string Email, string EmployeeId)> SecondAdmin(HttpClient admin, string kind)
    {
        var email = $"second.admin.{kind}.{Guid.NewGuid().ToString("N")[..8]}@example.test";
        var department = (await admin.GetJson("/api/admin/departments")).EnumerateArray().First().GetProperty("id").GetGuid();
        const string password = "correct horse battery staple";
        var response = await admin.PostAsJsonAsync("/api/admin/people",
            new { name = "Second Admin", email, departmentId = department, roles = new[] { "Employee", "Admin" }, password });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var employeeId = (await response.Json()).GetProperty("employeeId").GetString()!;
        return (await factory.SignedIn(email, password), email, employeeId);
    }

    private static (int Version, string? At, string? ChangedBy)[] Rows(JsonElement page) =>
    [
        .. page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("version").GetInt32(),
            i.GetProperty("at").ValueKind == JsonValueKind.Null ? null : i.GetProperty("at").GetString(),
            i.GetProperty("changedBy").ValueKind == JsonValueKind.Null ? null : i.GetProperty("changedBy").GetString())),
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Two_edits_make_three_versions_with_their_authors_and_restoring_the_first_makes_a_fourth(string kind)
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var (second, secondEmail, secondEmployee) = await SecondAdmin(admin, kind);

        var shipped = await admin.GetJson(Read(kind));
        Assert.Equal(1, shipped.GetProperty("version").GetInt32());
        var original = Figure(kind, shipped);
        Assert.Equal([(1, null, null)], Rows(await admin.GetJson(Versions(kind))));

        var v2 = await Put(admin, kind, WithFigure(kind, shipped, 0.41m));
        var v3 = await Put(second, kind, WithFigure(kind, v2, 0.42m));
        Assert.Equal(3, v3.GetProperty("version").GetInt32());

        var page = await admin.GetJson(Versions(kind));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var rows = Rows(page);
        Assert.Equal([3, 2, 1], rows.Select(r => r.Version));
        Assert.Equal([secondEmail, ApiClient.Admin, null], rows.Select(r => r.ChangedBy));
        Assert.All(rows[..2], r => Assert.True(DateTimeOffset.TryParse(r.At, out _), r.At));
        Assert.Null(rows[2].At);

        // Any version whole, in the shape GET answers the one in force.
        var old = await admin.GetJson($"{Versions(kind)}/2");
        Assert.Equal(2, old.GetProperty("version").GetInt32());
        Assert.Equal(0.41m, Figure(kind, old));
        var first = await admin.GetJson($"{Versions(kind)}/1");
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(original, Figure(kind, first));
        Assert.Equal(Node(await admin.GetJson(Read(kind))).ToJsonString(), Node(await admin.GetJson($"{Versions(kind)}/3")).ToJsonString());

        // Paged like the rule history.
        var second2 = await admin.GetJson($"{Versions(kind)}?page=2&pageSize=2");
        Assert.Equal([1], Rows(second2).Select(r => r.Version));
        Assert.Equal(3, second2.GetProperty("total").GetInt32());
        Assert.Equal(2, second2.GetProperty("pageSize").GetInt32());

        // Going back: the first version's content, sent from the version in force; an ordinary audited edit.
        var restore = Node(first);
        restore["version"] = 3;
        var v4 = await Put(admin, kind, restore);
        Assert.Equal(4, v4.GetProperty("version").GetInt32());
        Assert.Equal(original, Figure(kind, await (await factory.SignedIn(ApiClient.Ravi)).GetJson(Read(kind))));
        var after = Rows(await admin.GetJson(Versions(kind)));
        Assert.Equal([4, 3, 2, 1], after.Select(r => r.Version));
        Assert.Equal(ApiClient.Admin, after[0].ChangedBy);
        var action = kind == "benchmarks" ? "benchmarks.changed" : "return-model.changed";
        Assert.Contains("\"version\":4", await new DatabaseProbe(factory.DatabasePath).Scalar<string>(
            $"SELECT Details FROM AuditLog WHERE Action = '{action}' ORDER BY Id DESC LIMIT 1"), StringComparison.Ordinal);

        // Restoring from a version no longer in force is a conflict like any stale edit.
        await ProblemAssert.Is(await admin.PutAsJsonAsync(Admin(kind), restore), HttpStatusCode.Conflict, "someone changed it");

        // Once the second admin is erased, their version is a former colleague's, as on the audit page.
        var erased = await admin.PostAsJsonAsync($"/api/admin/people/{secondEmployee}/erase", new { confirm = "ERASE" });
        Assert.True(erased.IsSuccessStatusCode, await erased.Content.ReadAsStringAsync());
        var afterErasure = await admin.GetAsync(Versions(kind));
        Assert.DoesNotContain(secondEmail, await afterErasure.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal([ApiClient.Admin, "former colleague", ApiClient.Admin, null], Rows(await afterErasure.Json()).Select(r => r.ChangedBy));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_unknown_version_is_a_404_and_a_bad_one_or_bad_paging_a_400(string kind)
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        await ProblemAssert.Is(await admin.GetAsync($"{Versions(kind)}/999"), HttpStatusCode.NotFound, "no version 999");
        foreach (var bad in new[] { "0", "-1", "two", "99999999999" })
        {
            var response = await admin.GetAsync($"{Versions(kind)}/{bad}");
            await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "version");
        }

        foreach (var (query, field) in new[] { ("page=0", "page"), ("pageSize=0", "pageSize"), ("pageSize=201", "pageSize"), ("page=x", "page") })
        {
            var response = await admin.GetAsync($"{Versions(kind)}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Json()).GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Only_admins_see_the_history(string kind)
    {
        foreach (var who in new[] { ApiClient.Ravi, ApiClient.Lena })
        {
            var client = await factory.SignedIn(who);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Versions(kind))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Versions(kind)}/1")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(Versions(kind))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"{Versions(kind)}/1")).StatusCode);
    }
}
