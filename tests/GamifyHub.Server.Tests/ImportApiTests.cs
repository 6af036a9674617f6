using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GamifyHub.Server.Imports;
using GamifyHub.Testing;

namespace GamifyHub.Server.Tests;

public sealed class ImportApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private DatabaseProbe Probe => new(factory.DatabasePath);

    private static StringContent Body(string text, string type) => new(text, Encoding.UTF8, new MediaTypeHeaderValue(type));

    private async Task<long> Count(string prefix) =>
        await Probe.Scalar<long>($"SELECT count(*) FROM FeedbackItems WHERE ExternalId LIKE '{prefix}%'");

    private static Dictionary<long, List<string>> ByRow(JsonElement summary) =>
        summary.GetProperty("errors").EnumerateArray().GroupBy(e => e.GetProperty("row").GetInt64())
            .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("field").GetString() + ": " + e.GetProperty("message").GetString()).ToList());

    [Fact]
    public async Task A_csv_import_stores_the_good_rows_and_reports_each_bad_row_with_its_line_and_field()
    {
        var p = $"csv-{Guid.NewGuid():N}-";
        var csv = $"""
            channel,externalId,author,text,url,language,createdAt
            facebook,{p}1,@kim,"The app crashes, every time I open it.",https://example.com/p/1,en,2026-11-01T10:00:00Z
            x,{p}2,,Love the new speaker,,,
            myspace,{p}3,@eve,Wrong channel,,,
            blog,{p}4,@eve,"Text with ""quotes"" and
            a line break inside",,,
            blog,{p}5,@eve,   ,,,
            blog,{p}6,@eve,Bad url,ftp://example.com,,
            blog,{p}7,@eve,Too few fields
            blog,{p}8,@eve,a stray "quote here,,,
            facebook,{p}1,@kim,The same item again,,,
            appstore,{p}9,@ann,<b>Bold</b> but fine,,de,
            """;
        var admin = await factory.SignedIn(ApiClient.Admin);

        var response = await admin.PostAsync("/api/admin/imports", Body(csv, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Json();
        Assert.Equal("csv", summary.GetProperty("format").GetString());
        Assert.Equal(10, summary.GetProperty("rowsRead").GetInt64());
        Assert.Equal(4, summary.GetProperty("stored").GetInt64());
        Assert.Equal(1, summary.GetProperty("duplicates").GetInt64());
        Assert.Equal(5, summary.GetProperty("rejected").GetInt64());
        var errors = ByRow(summary);
        Assert.Equal([4L, 7L, 8L, 9L, 10L], errors.Keys.Order());
        Assert.Contains(errors[4], e => e.StartsWith("channel:", StringComparison.Ordinal));
        Assert.Contains(errors[7], e => e.StartsWith("text:", StringComparison.Ordinal));
        Assert.Contains(errors[8], e => e.StartsWith("url:", StringComparison.Ordinal));
        Assert.Contains(errors[9], e => e.Contains("fields", StringComparison.Ordinal));
        Assert.Contains(errors[10], e => e.Contains("quote", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(4, await Count(p));
        Assert.Equal("Text with \"quotes\" and\na line break inside",
            await Probe.Scalar<string>($"SELECT Text FROM FeedbackItems WHERE ExternalId = '{p}4'"));
        Assert.Equal("Bold but fine", await Probe.Scalar<string>($"SELECT Text FROM FeedbackItems WHERE ExternalId = '{p}9'"));

        // The whole report, one JSON object per line.
        var report = await admin.GetAsync(summary.GetProperty("errorReport").GetString());
        Assert.Equal("application/x-ndjson", report.Content.Headers.ContentType?.MediaType);
        var lines = (await report.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(summary.GetProperty("errorCount").GetInt64(), lines.Length);
        Assert.All(lines, l => Assert.True(JsonDocument.Parse(l).RootElement.TryGetProperty("row", out _)));
    }

    [Fact]
    public async Task A_jsonl_import_reports_malformed_lines_and_imports_the_rest()
    {
        var p = $"jsonl-{Guid.NewGuid():N}-";
        var lines = string.Join("\n",
            JsonSerializer.Serialize(new { channel = "linkedin", externalId = p + "1", text = "Great support team, thanks!" }),
            "{\"channel\":\"x\",\"externalId\":\"" + p + "2\",\"text\":",
            "",
            JsonSerializer.Serialize(new { channel = "x", externalId = p + "3", text = "fine", colour = "blue" }),
            "{\"channel\":7,\"externalId\":\"" + p + "4\",\"text\":\"typed wrong\"}",
            "null",
            JsonSerializer.Serialize(new { channel = "xing", externalId = p + "5", text = "Die Lieferung kam zu spät.", language = "de" }),
            JsonSerializer.Serialize(new { channel = "linkedin", externalId = p + "1", text = "Great support team, thanks!" })) + "\r\n";
        var admin = await factory.SignedIn(ApiClient.Admin);

        var summary = await (await admin.PostAsync("/api/admin/imports", Body(lines, "application/x-ndjson"))).Json();

        Assert.Equal(7, summary.GetProperty("rowsRead").GetInt64());
        Assert.Equal(2, summary.GetProperty("stored").GetInt64());
        Assert.Equal(1, summary.GetProperty("duplicates").GetInt64());
        Assert.Equal(4, summary.GetProperty("rejected").GetInt64());
        var errors = ByRow(summary);
        Assert.Equal([2L, 4L, 5L, 6L], errors.Keys.Order());
        Assert.Contains(errors[4], e => e.Contains("colour", StringComparison.Ordinal));
        Assert.Contains(errors[5], e => e.StartsWith("channel:", StringComparison.Ordinal));
        Assert.Equal(2, await Count(p));
    }

    [Fact]
    public async Task A_multipart_upload_is_read_as_a_stream_and_a_bad_header_or_empty_file_changes_nothing()
    {
        var p = $"mp-{Guid.NewGuid():N}-";
        var admin = await factory.SignedIn(ApiClient.Admin);
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"channel,externalId,text\nblog,{p}1,Multipart works\n"), "file", "feedback.csv" },
        };
        var summary = await (await admin.PostAsync("/api/admin/imports", form)).Json();
        Assert.Equal(1, summary.GetProperty("stored").GetInt64());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("errorReport").ValueKind);

        var before = await Probe.StateFingerprint();
        await ProblemAssert.Is(await admin.PostAsync("/api/admin/imports", Body($"channel,externalId,txt\nblog,{p}2,x\n", "text/csv")),
            HttpStatusCode.BadRequest, "unknown column 'txt'");
        await ProblemAssert.Is(await admin.PostAsync("/api/admin/imports", Body($"channel,text\nblog,x\n", "text/csv")),
            HttpStatusCode.BadRequest, "lacks the column(s) externalId");
        await ProblemAssert.Is(await admin.PostAsync("/api/admin/imports", Body("", "text/csv")), HttpStatusCode.BadRequest, "empty");
        await ProblemAssert.Is(await admin.PostAsync("/api/admin/imports", Body("\n\n", "application/x-ndjson")), HttpStatusCode.BadRequest, "no rows");
        await ProblemAssert.Is(await admin.PostAsync("/api/admin/imports", Body("a,b", "application/json")),
            HttpStatusCode.UnsupportedMediaType, "text/csv");
        await ProblemAssert.Is(await admin.PostAsync("/api/admin/imports?format=xml", Body("a,b", "text/csv")), HttpStatusCode.BadRequest, "'format'");
        await ProblemAssert.Is(await admin.GetAsync($"/api/admin/imports/{Guid.NewGuid()}/errors"), HttpStatusCode.NotFound, "No error report");
        Assert.Equal(before, await Probe.StateFingerprint());
    }

    [Fact]
    public async Task Only_admins_import()
    {
        var csv = "channel,externalId,text\nblog,never-1,x\n";
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync("/api/admin/imports", Body(csv, "text/csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.WithApiKey().PostAsync("/api/admin/imports", Body(csv, "text/csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await factory.SignedIn(ApiClient.Lena)).PostAsync("/api/admin/imports", Body(csv, "text/csv"))).StatusCode);
        Assert.Equal(0, await Count("never-"));
    }

    [Fact]
    public async Task A_repost_of_the_same_text_under_another_id_is_stored_and_flagged_as_a_near_duplicate_of_the_first()
    {
        var integration = factory.WithApiKey();
        var text = "The battery drains overnight since the last update.";
        var first = await (await integration.PostAsJsonAsync("/api/feedback",
            new { channel = "facebook", externalId = $"nd-{Guid.NewGuid():N}", text })).Json();
        var repost = await integration.PostAsJsonAsync("/api/feedback",
            new { channel = "x", externalId = $"nd-{Guid.NewGuid():N}", text = "the BATTERY drains overnight — since the last update!! https://t.co/xyz" });
        var other = await (await integration.PostAsJsonAsync("/api/feedback",
            new { channel = "x", externalId = $"nd-{Guid.NewGuid():N}", text = "The battery lasts overnight since the last update." })).Json();

        Assert.Equal(HttpStatusCode.Created, repost.StatusCode);
        var flagged = await repost.Json();
        var original = first.GetProperty("id").GetString();
        Assert.Equal(original, flagged.GetProperty("duplicateOf").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("duplicateOf").ValueKind);
        Assert.Equal(JsonValueKind.Null, other.GetProperty("duplicateOf").ValueKind);

        // A third repost points at the original too, not at the second.
        var third = await (await integration.PostAsJsonAsync("/api/feedback",
            new { channel = "blog", externalId = $"nd-{Guid.NewGuid():N}", text = text.ToUpperInvariant() })).Json();
        Assert.Equal(original, third.GetProperty("duplicateOf").GetString());

        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var detail = await ravi.GetJson($"/api/feedback/{flagged.GetProperty("id").GetString()}");
        Assert.Equal(original, detail.GetProperty("item").GetProperty("duplicateOf").GetString());
        Assert.NotEqual(default, detail.GetProperty("item").GetProperty("receivedAt").GetDateTime());
    }

    [Fact]
    public async Task Near_duplicates_within_one_import_are_counted_and_flagged()
    {
        var p = $"ndi-{Guid.NewGuid():N}-";
        var csv = $"channel,externalId,text\nblog,{p}1,The checkout page times out on mobile {p}\nx,{p}2,\"the checkout page, times out on mobile {p}!\"\n";
        var summary = await (await (await factory.SignedIn(ApiClient.Admin)).PostAsync("/api/admin/imports", Body(csv, "text/csv"))).Json();
        Assert.Equal(2, summary.GetProperty("stored").GetInt64());
        Assert.Equal(1, summary.GetProperty("nearDuplicates").GetInt64());
    }
}
