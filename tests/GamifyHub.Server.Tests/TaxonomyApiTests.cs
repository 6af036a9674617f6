using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>
/// The admin-editable topics and products: validation, roles, audit, classification at intake, and routing rules with
/// topic and product conditions end to end through <c>POST /api/feedback</c>.
/// </summary>
public sealed class TaxonomyApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static string Dept(JsonElement view, string name) =>
        view.GetProperty("departments").EnumerateArray().First(d => d.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    private static List<string?> Names(JsonElement list) => [.. list.EnumerateArray().Select(e => e.GetString())];

    private async Task<JsonElement> Post(string text, string channel = "blog")
    {
        var response = await factory.WithApiKey().PostAsJsonAsync("/api/feedback",
            new { channel, externalId = $"t-{Guid.NewGuid():N}", text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    private static object Entries(JsonElement list, params (string Name, string[] Keywords)[] extra) =>
        list.EnumerateArray().Select(e => new { name = e.GetProperty("name").GetString(), keywords = Names(e.GetProperty("keywords")) })
            .Concat(extra.Select(x => new { name = (string?)x.Name, keywords = x.Keywords.Select(k => (string?)k).ToList() })).ToList();

    [Fact]
    public async Task The_demo_taxonomy_classifies_demo_feedback_and_new_items_show_their_topics_and_products()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var taxonomy = await admin.GetJson("/api/admin/taxonomy");
        Assert.Contains("Crashes & bugs", taxonomy.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(4, taxonomy.GetProperty("products").GetArrayLength());
        Assert.Equal("demo", taxonomy.GetProperty("lastChange").GetProperty("actor").GetString());

        var accepted = await Post("The Nimbus Watch crashes whenever I open the settings.");
        Assert.Equal(["Research & Development"], accepted.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = (await ravi.GetJson($"/api/feedback/{accepted.GetProperty("id").GetString()}")).GetProperty("item");
        Assert.Equal(["Crashes & bugs"], Names(item.GetProperty("topics")));
        Assert.Equal(["Nimbus Watch"], Names(item.GetProperty("products")));

        // The seeded inbox carries topics too (the demo feedback was classified on arrival).
        var page = await ravi.GetJson("/api/feedback?pageSize=50");
        Assert.Contains(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("topics").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Topic_and_product_rules_route_in_order_end_to_end_and_stored_items_keep_their_classification()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var originalTaxonomy = await admin.GetJson("/api/admin/taxonomy");
        var originalRules = await admin.GetJson("/api/admin/routing-rules");
        var rnd = Dept(originalRules, "Research & Development");
        var sales = Dept(originalRules, "Sales");
        var logistics = Dept(originalRules, "Operations & Logistics");

        var put = await admin.PutAsJsonAsync("/api/admin/taxonomy", new
        {
            topics = Entries(originalTaxonomy.GetProperty("topics"), ("Kettles", ["kettle", "wasserkocher"])),
            products = Entries(originalTaxonomy.GetProperty("products"), ("Kettle K3", ["kettle k3", "k3"])),
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        // A topic rule before a keyword rule, a product rule after it; names resolve ignoring case.
        put = await admin.PutAsJsonAsync("/api/admin/routing-rules", new
        {
            triageDepartmentId = originalRules.GetProperty("triageDepartmentId").GetString(),
            rules = new object[]
            {
                new { name = "Kettle topic", topics = new[] { "kettles" }, departmentIds = new[] { rnd } },
                new { name = "Leak keyword", keywords = new[] { "leak" }, departmentIds = new[] { logistics } },
                new { name = "K3 product", products = new[] { "Kettle K3" }, departmentIds = new[] { sales } },
            },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = await admin.GetJson("/api/admin/routing-rules");
        Assert.Equal(["Kettles"], Names(stored.GetProperty("rules")[0].GetProperty("topics")));

        static List<string?> Departments(JsonElement accepted) =>
            [.. accepted.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("name").GetString())];

        var german = await Post("Mein Wasserkocher K3 tropft!");
        Assert.Equal(["Research & Development", "Sales"], Departments(german));
        Assert.Equal(["Research & Development", "Operations & Logistics"], Departments(await Post("My kettle leaks")));
        Assert.Equal(["Sales"], Departments(await Post("Where can I buy a K3?")));
        Assert.Equal(["Customer Service"], Departments(await Post("Nothing any rule knows about")));

        // A topic a rule uses cannot be removed from the taxonomy.
        var refused = await admin.PutAsJsonAsync("/api/admin/taxonomy", new
        {
            topics = Entries(originalTaxonomy.GetProperty("topics")),
            products = Entries(originalTaxonomy.GetProperty("products")),
        });
        await ProblemAssert.Is(refused, HttpStatusCode.BadRequest, "taxonomy");

        // Back to the demo rules and taxonomy; the item classified before keeps its topic and product.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/routing-rules", new
        {
            triageDepartmentId = originalRules.GetProperty("triageDepartmentId").GetString(),
            rules = originalRules.GetProperty("rules"),
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/taxonomy", new
        {
            topics = Entries(originalTaxonomy.GetProperty("topics")),
            products = Entries(originalTaxonomy.GetProperty("products")),
        })).StatusCode);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = (await ravi.GetJson($"/api/feedback/{german.GetProperty("id").GetString()}")).GetProperty("item");
        Assert.Equal(["Kettles"], Names(item.GetProperty("topics")));
        Assert.Equal(["Kettle K3"], Names(item.GetProperty("products")));
        Assert.Empty((await ravi.GetJson($"/api/feedback/{(await Post("My Wasserkocher K3 crashes")).GetProperty("id").GetString()}"))
            .GetProperty("item").GetProperty("products").EnumerateArray());

        var probe = new DatabaseProbe(factory.DatabasePath);
        Assert.True(await probe.Scalar<long>("SELECT COUNT(*) FROM TaxonomyChanges WHERE Actor = 'admin@demo.gamifyhub'") >= 2);
        Assert.Equal("admin@demo.gamifyhub", (await admin.GetJson("/api/admin/taxonomy")).GetProperty("lastChange").GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Invalid_taxonomies_and_unknown_rule_topics_are_problems_naming_each_path_and_change_nothing()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var before = (await admin.GetJson("/api/admin/taxonomy")).GetProperty("topics").GetRawText();
        var changes = await new DatabaseProbe(factory.DatabasePath).Scalar<long>("SELECT COUNT(*) FROM TaxonomyChanges");

        var response = await admin.PutAsJsonAsync("/api/admin/taxonomy", new
        {
            topics = new object?[]
            {
                new { name = "", keywords = new[] { "x" } },
                new { name = "Billing", keywords = Array.Empty<string>() },
                new { name = "Delivery", keywords = new[] { "parcel" } },
                new { name = "delivery", keywords = new[] { "Ravi Patel" } },
                null,
            },
            products = new object?[] { new { name = "Lena Müller", keywords = new[] { "ok" } } },
        });
        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "topics[0].name");
        var errors = (await response.Json()).GetProperty("errors");
        foreach (var path in new[] { "topics[0].name", "topics[1].keywords", "topics[3].name", "topics[3].keywords[0]", "topics[4]", "products[0].name" })
        {
            Assert.True(errors.TryGetProperty(path, out _), $"no error for {path}: {errors}");
        }

        await ProblemAssert.Is(await admin.PutAsJsonAsync("/api/admin/taxonomy", new { topics = Array.Empty<object>() }),
            HttpStatusCode.BadRequest, "products");
        Assert.Equal(before, (await admin.GetJson("/api/admin/taxonomy")).GetProperty("topics").GetRawText());
        Assert.Equal(changes, await new DatabaseProbe(factory.DatabasePath).Scalar<long>("SELECT COUNT(*) FROM TaxonomyChanges"));

        var rules = await admin.GetJson("/api/admin/routing-rules");
        var rulesResponse = await admin.PutAsJsonAsync("/api/admin/routing-rules", new
        {
            triageDepartmentId = rules.GetProperty("triageDepartmentId").GetString(),
            rules = new[] { new { name = "Unknown", topics = new[] { "Weather" }, products = new[] { "Billing" }, departmentIds = new[] { Dept(rules, "Sales") } } },
        });
        await ProblemAssert.Is(rulesResponse, HttpStatusCode.BadRequest, "rules[0].topics[0]");
        Assert.True((await rulesResponse.Json()).GetProperty("errors").TryGetProperty("rules[0].products[0]", out _));
        Assert.Equal(rules.GetProperty("rules").GetRawText(), (await admin.GetJson("/api/admin/routing-rules")).GetProperty("rules").GetRawText());
    }

    [Fact]
    public async Task Only_admins_read_or_change_the_taxonomy()
    {
        var lena = await factory.SignedIn(ApiClient.Lena);
        Assert.Equal(HttpStatusCode.Forbidden, (await lena.GetAsync("/api/admin/taxonomy")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lena.PutAsJsonAsync("/api/admin/taxonomy", new { topics = Array.Empty<object>(), products = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/admin/taxonomy")).StatusCode);
    }
}
