using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

/// <summary>The benchmarks document and the return model through the real host and SQLite: read by everyone signed in,
/// replaced by admins from the version they read (409 otherwise), audited, and bad input refused with nothing changed.</summary>
public sealed class AnalyticsStudyApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private const string Benchmarks = "/api/analytics/benchmarks";
    private const string ReturnModel = "/api/analytics/return-model";
    private const string AdminBenchmarks = "/api/admin/analytics/benchmarks";
    private const string AdminReturnModel = "/api/admin/analytics/return-model";

    private static JsonObject Node(JsonElement element) => JsonNode.Parse(element.GetRawText())!.AsObject();

    private async Task<string> Counts()
    {
        var probe = new DatabaseProbe(factory.DatabasePath);
        return $"{await probe.Scalar<long>("SELECT COUNT(*) FROM AnalyticsStudy")}:"
            + $"{await probe.Scalar<long>("SELECT COUNT(*) FROM AuditLog WHERE Action IN ('benchmarks.changed', 'return-model.changed')")}";
    }

    [Fact]
    public async Task An_employee_reads_the_shipped_TCS_figures_and_the_return_model_with_its_sources()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var document = await ravi.GetJson(Benchmarks);
        Assert.True(document.GetProperty("version").GetInt32() >= 1);
        var tcs = document.GetProperty("studies").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "tcs2013");
        Assert.Equal(655, tcs.GetProperty("sampleSize").GetInt32());
        Assert.Equal(2013, tcs.GetProperty("year").GetInt32());
        var figures = tcs.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("value").GetDouble());
        Assert.Equal(0.27, figures["tcs2013.readRate.rd"]);
        Assert.Equal(0.37, figures["tcs2013.readRate.pm"]);
        Assert.Equal(0.58, figures["tcs2013.silos"]);
        Assert.Equal(0.81, figures["tcs2013.channel.blogs.leaders"]);
        Assert.Equal(JsonValueKind.Array, document.GetProperty("departmentFunctions").ValueKind);

        var model = await ravi.GetJson(ReturnModel);
        Assert.Equal(3, model.GetProperty("currency").GetString()!.Length);
        Assert.True(model.GetProperty("hourlyCost").GetDecimal() >= 0);
        foreach (var action in new[] { "read", "reply", "tag", "forward", "insight", "resolve" })
        {
            Assert.True(model.GetProperty("minutesPerAction").TryGetProperty(action, out _), action);
        }

        foreach (var outcome in new[] { "insight", "resolvedComplaint", "replyWithinSla" })
        {
            Assert.True(model.GetProperty("valuePerOutcome").TryGetProperty(outcome, out _), outcome);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(Benchmarks)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(ReturnModel)).StatusCode);
    }

    [Fact]
    public async Task An_admin_adds_a_study_and_assigns_a_function_from_the_version_read_and_the_change_is_audited()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var marketing = (await admin.GetJson("/api/departments")).EnumerateArray()
            .First(d => d.GetProperty("name").GetString() == "Marketing").GetProperty("id").GetString()!;
        // Read once before the edit: the department's answer is kept with its figures, and must not outlive the document.
        var figures = $"/api/analytics/departments/{marketing}?window=all";
        Assert.DoesNotContain((await admin.GetJson(figures)).GetProperty("benchmarks").EnumerateArray(),
            b => b.GetProperty("id").GetString() == "acme2025.readRate.marketing");
        var document = Node(await admin.GetJson(Benchmarks));
        var version = document["version"]!.GetValue<int>();
        document["studies"]!.AsArray().Add(JsonNode.Parse("""
            {"id":"acme2025","source":"ACME listening survey","year":2025,"sampleSize":120,"url":"https://example.com/acme",
             "figures":[{"id":"acme2025.readRate.marketing","label":"Marketing teams that read reviews","value":0.45,"meaning":"45% read them."}]}
            """));
        document["departmentFunctions"] = JsonNode.Parse($$"""[{"departmentId":"{{marketing}}","function":"marketing"}]""");

        var response = await admin.PutAsJsonAsync(AdminBenchmarks, document);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var saved = await response.Json();
        Assert.Equal(version + 1, saved.GetProperty("version").GetInt32());

        var read = await (await factory.SignedIn(ApiClient.Ravi)).GetJson(Benchmarks);
        Assert.Equal(version + 1, read.GetProperty("version").GetInt32());
        Assert.Contains(read.GetProperty("studies").EnumerateArray(), s => s.GetProperty("id").GetString() == "acme2025");
        Assert.Equal(marketing, read.GetProperty("departmentFunctions")[0].GetProperty("departmentId").GetString());
        Assert.Contains((await admin.GetJson(figures)).GetProperty("benchmarks").EnumerateArray(),
            b => b.GetProperty("id").GetString() == "acme2025.readRate.marketing");

        var probe = new DatabaseProbe(factory.DatabasePath);
        var details = await probe.Scalar<string>("SELECT Details FROM AuditLog WHERE Action = 'benchmarks.changed' ORDER BY Id DESC LIMIT 1");
        Assert.Contains($"\"version\":{version + 1}", details, StringComparison.Ordinal);
        Assert.Contains("acme2025", details, StringComparison.Ordinal);
        Assert.StartsWith("user ", await probe.Scalar<string>("SELECT Actor FROM AuditLog WHERE Action = 'benchmarks.changed' ORDER BY Id DESC LIMIT 1"),
            StringComparison.Ordinal);

        // A second admin still holding the old version is refused, and nothing changes.
        var before = await Counts();
        document["studies"]!.AsArray().RemoveAt(document["studies"]!.AsArray().Count - 1);
        await ProblemAssert.Is(await admin.PutAsJsonAsync(AdminBenchmarks, document), HttpStatusCode.Conflict, $"version {version + 1}");
        Assert.Equal(before, await Counts());
        Assert.Equal(version + 1, (await admin.GetJson(Benchmarks)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_admin_replaces_the_return_model_from_the_version_read_and_a_stale_version_is_a_conflict()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var model = Node(await admin.GetJson(ReturnModel));
        var version = model["version"]!.GetValue<int>();
        model["hourlyCost"] = 64.5m;
        model["minutesPerAction"]!["reply"] = 7;
        model["sources"] = new JsonArray("Our 2026 time study");

        var response = await admin.PutAsJsonAsync(AdminReturnModel, model);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await (await factory.SignedIn(ApiClient.Ravi)).GetJson(ReturnModel);
        Assert.Equal(version + 1, read.GetProperty("version").GetInt32());
        Assert.Equal(64.5m, read.GetProperty("hourlyCost").GetDecimal());
        Assert.Equal(7m, read.GetProperty("minutesPerAction").GetProperty("reply").GetDecimal());
        Assert.Equal("Our 2026 time study", read.GetProperty("sources")[0].GetString());
        Assert.Contains("64.5", await new DatabaseProbe(factory.DatabasePath).Scalar<string>(
            "SELECT Details FROM AuditLog WHERE Action = 'return-model.changed' ORDER BY Id DESC LIMIT 1"), StringComparison.Ordinal);

        var before = await Counts();
        await ProblemAssert.Is(await admin.PutAsJsonAsync(AdminReturnModel, model), HttpStatusCode.Conflict, "someone changed it");
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Only_admins_replace_either_document()
    {
        foreach (var who in new[] { ApiClient.Ravi, ApiClient.Lena })
        {
            var client = await factory.SignedIn(who);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync(AdminBenchmarks, Node(await client.GetJson(Benchmarks)))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync(AdminReturnModel, Node(await client.GetJson(ReturnModel)))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PutAsJsonAsync(AdminBenchmarks, new { version = 1 })).StatusCode);
    }

    public static TheoryData<string, string> BadBenchmarks => new()
    {
        { "null", "body" },
        { """{"studies":[],"departmentFunctions":[]}""", "version" },
        { """{"version":1,"studies":[],"departmentFunctions":[]}""", "studies" },
        { """{"version":1,"departmentFunctions":[]}""", "studies" },
        { """{"version":1,"studies":[null],"departmentFunctions":[]}""", "studies[0]" },
        { Study("""{"id":"x.a","label":"A","value":27,"meaning":"m"}"""), "studies[0].figures[0].value" },
        { Study("""{"id":"x.a","label":"A","value":-0.1,"meaning":"m"}"""), "studies[0].figures[0].value" },
        { Study("""{"id":"x.a","label":"A","meaning":"m"}"""), "studies[0].figures[0].value" },
        { Study("""{"id":"x.a","label":"A","value":0.5,"meaning":"m"},{"id":"x.a","label":"B","value":0.5,"meaning":"m"}"""), "studies[0].figures[1].id" },
        { Study("""{"id":"Bad Id!","label":"A","value":0.5,"meaning":"m"}"""), "studies[0].figures[0].id" },
        { Study("""{"id":"x.a","label":"","value":0.5,"meaning":"m"}"""), "studies[0].figures[0].label" },
        { Study($$"""{"id":"x.a","label":"A","value":0.5,"meaning":"{{new string('m', 1001)}}"}"""), "studies[0].figures[0].meaning" },
        { Study("""{"id":"x.a","label":"A","value":0.5,"meaning":"m"}""", year: "1800"), "studies[0].year" },
        { Study("""{"id":"x.a","label":"A","value":0.5,"meaning":"m"}""", url: "\"javascript:alert(1)\""), "studies[0].url" },
        { Study("", figures: "[]"), "studies[0].figures" },
        { Study("""{"id":"x.a","label":"A","value":0.5,"meaning":"m"}""", functions: """[{"departmentId":"00000000-0000-0000-0000-000000000001","function":"rd"}]"""), "departmentFunctions[0].departmentId" },
        { Study("""{"id":"x.a","label":"A","value":0.5,"meaning":"m"}""", functions: """[{"departmentId":null,"function":"finance"}]"""), "departmentFunctions[0].function" },
    };

    /// <summary>A document with one study "x" holding <paramref name="figure"/> (or the raw <paramref name="figures"/> list).</summary>
    private static string Study(string figure, string year = "2020", string url = "null", string? functions = null, string? figures = null) =>
        $$"""{"version":1,"studies":[{"id":"x","source":"X","year":{{year}},"sampleSize":10,"url":{{url}},"figures":{{figures ?? $"[{figure}]"}}}],"departmentFunctions":{{functions ?? "[]"}}}""";

    [Theory]
    [MemberData(nameof(BadBenchmarks))]
    public async Task Bad_benchmarks_are_a_400_naming_the_path_and_change_nothing(string body, string path)
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var before = await Counts();
        var version = (await admin.GetJson(Benchmarks)).GetProperty("version").GetInt32();
        var response = await admin.PutAsync(AdminBenchmarks, new StringContent(body.Replace("\"version\":1", $"\"version\":{version}"),
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty(path, out _), $"no error for {path}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before, await Counts());
        Assert.Equal(version, (await admin.GetJson(Benchmarks)).GetProperty("version").GetInt32());
    }

    private const string GoodMinutes = """{"read":1,"reply":1,"tag":1,"forward":1,"insight":1,"resolve":1}""";
    private const string GoodValues = """{"insight":1,"resolvedComplaint":1,"replyWithinSla":1}""";

    private static string Model(string currency = "\"EUR\"", string cost = "50", string minutes = GoodMinutes, string values = GoodValues,
        string sources = "[]") =>
        $$"""{"version":1,"currency":{{currency}},"hourlyCost":{{cost}},"minutesPerAction":{{minutes}},"valuePerOutcome":{{values}},"sources":{{sources}}}""";

    public static TheoryData<string, string> BadModels => new()
    {
        { "null", "body" },
        { Model().Replace("\"version\":1,", ""), "version" },
        { Model(currency: "\"euro\""), "currency" },
        { Model(currency: "null"), "currency" },
        { Model(cost: "-1"), "hourlyCost" },
        { Model(cost: "10001"), "hourlyCost" },
        { Model(minutes: "null"), "minutesPerAction" },
        { Model(minutes: """{"read":1,"reply":2000,"tag":1,"forward":1,"insight":1,"resolve":1}"""), "minutesPerAction.reply" },
        { Model(minutes: """{"read":1,"tag":1,"forward":1,"insight":1,"resolve":1}"""), "minutesPerAction.reply" },
        { Model(values: """{"insight":-5,"resolvedComplaint":1,"replyWithinSla":1}"""), "valuePerOutcome.insight" },
        { Model(values: "null"), "valuePerOutcome" },
        { Model(sources: "null"), "sources" },
        { Model(sources: "[\"\"]"), "sources[0]" },
    };

    [Theory]
    [MemberData(nameof(BadModels))]
    public async Task A_bad_return_model_is_a_400_naming_the_path_and_changes_nothing(string body, string path)
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var before = await Counts();
        var version = (await admin.GetJson(ReturnModel)).GetProperty("version").GetInt32();
        var response = await admin.PutAsync(AdminReturnModel, new StringContent(body.Replace("\"version\":1", $"\"version\":{version}"),
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty(path, out _), $"no error for {path}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_is_a_400()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var before = await Counts();
        foreach (var (url, body) in new[] { (AdminBenchmarks, "[]"), (AdminBenchmarks, "{\"version\":\"one\"}"), (AdminReturnModel, "42"),
                     (AdminReturnModel, "{\"version\":1,\"hourlyCost\":\"fifty\"}") })
        {
            var response = await admin.PutAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(before, await Counts());
    }
}
