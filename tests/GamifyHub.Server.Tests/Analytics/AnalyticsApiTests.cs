using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;
using Microsoft.AspNetCore.SignalR;
using static GamifyHub.Server.Tests.InboxApiTests;

namespace GamifyHub.Server.Tests.Analytics;

/// <summary>Department engagement figures through the real pipeline: intake, actions, the projection and the hub.</summary>
public sealed class AnalyticsApiTests(GamifyHubFactory factory) : IClassFixture<GamifyHubFactory>
{
    private static readonly object Defaults = new { individualBoards = true, minimumGroupSize = 5, managersSeeIndividuals = false };

    [Fact]
    public async Task Figures_move_when_an_employee_reads_an_item_routed_to_the_department()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var rnd = await DepartmentOf(ravi);
        var before = await ravi.GetJson($"/api/analytics/departments/{rnd}");
        Assert.Equal("rolling30", before.GetProperty("window").GetString());
        Assert.Equal("Research & Development", before.GetProperty("departmentName").GetString());

        var item = await Ingest(factory.WithApiKey(), "blog", $"The app crashes after the update {Marker()}");
        var routed = await Until(async () =>
        {
            var now = await ravi.GetJson($"/api/analytics/departments/{rnd}");
            return now.GetProperty("routedItems").GetInt32() > before.GetProperty("routedItems").GetInt32() ? now : (JsonElement?)null;
        });
        var readBefore = Read(routed);

        await Act(ravi, item, new { type = "read" });

        var after = await Until(async () =>
        {
            var now = await ravi.GetJson($"/api/analytics/departments/{rnd}");
            return Read(now) > readBefore ? now : (JsonElement?)null;
        });
        Assert.Equal(readBefore + 1, Read(after));
        var rate = after.GetProperty("readRate").GetDouble();
        Assert.InRange(rate, 0, 1);
        Assert.Contains(after.GetProperty("channels").EnumerateArray(), c => c.GetProperty("group").GetString() == "blogs");

        // Compared with the study: R&D's read-rate baseline, named with its source, and a maturity stage with reasons.
        var maturity = after.GetProperty("maturity");
        Assert.Contains(maturity.GetProperty("stage").GetString(), new[] { "laggard", "follower", "leader" });
        Assert.Contains(maturity.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("metric").GetString() == "readRate");
        var baseline = Assert.Single(after.GetProperty("benchmarks").EnumerateArray(), b => b.GetProperty("id").GetString() == "tcs2013.readRate.rd");
        Assert.Equal(0.27, baseline.GetProperty("value").GetDouble());
        Assert.Contains("2013", baseline.GetProperty("source").GetString());

        var ret = await ravi.GetJson($"/api/analytics/departments/{rnd}/return?window=all");
        Assert.True(ret.GetProperty("counts").GetProperty("reads").GetInt32() >= 1);
        Assert.True(ret.GetProperty("cost").GetDecimal() > 0);
        Assert.Equal(ret.GetProperty("model").GetProperty("currency").GetString(), ret.GetProperty("currency").GetString());
        Assert.Equal(ret.GetProperty("value").GetDecimal() - ret.GetProperty("cost").GetDecimal(), ret.GetProperty("net").GetDecimal());

        // The trend's last point is today's rolling 30 days: the same read rate.
        var trend = await ravi.GetJson($"/api/analytics/departments/{rnd}/trend?metric=readRate&days=3");
        Assert.Equal("tcs2013.readRate.rd", trend.GetProperty("baseline").GetProperty("id").GetString());
        var points = trend.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(3, points.Count);
        Assert.Equal(rate, points[^1].GetProperty("value").GetDouble(), 6);

        var company = await ravi.GetJson("/api/analytics/company?window=all");
        Assert.Equal(JsonValueKind.Null, company.GetProperty("company").GetProperty("departmentId").ValueKind);
        Assert.Equal([rnd], company.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("departmentId").GetString()));
    }

    [Fact]
    public async Task Employees_see_their_own_department_managers_theirs_and_admins_all()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var sofia = await factory.SignedIn(ApiClient.Sofia);
        var lena = await factory.SignedIn(ApiClient.Lena);
        var admin = await factory.SignedIn(ApiClient.Admin);
        var rnd = await DepartmentOf(ravi);
        var service = await DepartmentOf(sofia);

        foreach (var path in Paths(service))
        {
            await ProblemAssert.Is(await ravi.GetAsync(path), HttpStatusCode.Forbidden, "own department");
            await ProblemAssert.Is(await lena.GetAsync(path), HttpStatusCode.Forbidden, "own department");
            Assert.Equal(HttpStatusCode.OK, (await sofia.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        }

        foreach (var path in Paths(rnd))
        {
            Assert.Equal(HttpStatusCode.OK, (await lena.GetAsync(path)).StatusCode);
        }

        var unknown = Guid.NewGuid();
        foreach (var path in Paths(unknown.ToString()))
        {
            await ProblemAssert.Is(await ravi.GetAsync(path), HttpStatusCode.NotFound, unknown.ToString());
            await ProblemAssert.Is(await admin.GetAsync(path), HttpStatusCode.NotFound, unknown.ToString());
        }

        var all = await admin.GetJson("/api/analytics/company");
        Assert.True(all.GetProperty("departments").GetArrayLength() >= 6);
    }

    [Theory]
    [InlineData("/api/analytics/departments/{rnd}?window=year", "'window'")]
    [InlineData("/api/analytics/departments/{rnd}?window=", "'window'")]
    [InlineData("/api/analytics/departments/{rnd}?window=Rolling30", "'window'")]
    [InlineData("/api/analytics/company?window=decade", "'window'")]
    [InlineData("/api/analytics/departments/{rnd}/return?window=7d", "'window'")]
    [InlineData("/api/analytics/departments/{rnd}/trend?metric=points", "'metric'")]
    [InlineData("/api/analytics/departments/{rnd}/trend?metric=", "'metric'")]
    [InlineData("/api/analytics/departments/{rnd}/trend?days=0", "'days'")]
    [InlineData("/api/analytics/departments/{rnd}/trend?days=401", "'days'")]
    [InlineData("/api/analytics/departments/{rnd}/trend?days=ten", "'days'")]
    [InlineData("/api/analytics/departments/{rnd}/trend?days=-1", "'days'")]
    [InlineData("/api/analytics/departments/{rnd}/trend?days=%2B5", "'days'")]
    public async Task Bad_parameters_are_a_400_and_change_nothing(string path, string expected)
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var rnd = await DepartmentOf(ravi);
        var before = await ravi.GetJson($"/api/analytics/departments/{rnd}");
        await ProblemAssert.Is(await ravi.GetAsync(path.Replace("{rnd}", rnd, StringComparison.Ordinal)), HttpStatusCode.BadRequest, expected);
        var after = await ravi.GetJson($"/api/analytics/departments/{rnd}");
        Assert.Equal(before.GetProperty("routedItems").GetInt32(), after.GetProperty("routedItems").GetInt32());
    }

    [Fact]
    public async Task A_department_below_the_minimum_group_size_shows_no_rates()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var rnd = await DepartmentOf(ravi);
        var headcount = (await ravi.GetJson("/api/departments")).EnumerateArray()
            .Single(d => d.GetProperty("id").GetString() == rnd).GetProperty("headcount").GetInt32();
        // Read first, so the department's grain holds figures counted under the old minimum: a change must not be answered from them.
        foreach (var window in new[] { "rolling30", "all", "day" })
        {
            Assert.False((await ravi.GetJson($"/api/analytics/departments/{rnd}?window={window}")).GetProperty("withheld").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/privacy",
            new { individualBoards = true, minimumGroupSize = headcount + 1, managersSeeIndividuals = false })).StatusCode);
        try
        {
            foreach (var window in new[] { "rolling30", "all", "day" })
            {
                var figures = await ravi.GetJson($"/api/analytics/departments/{rnd}?window={window}");
                Assert.True(figures.GetProperty("withheld").GetBoolean());
                Assert.Equal(headcount + 1, figures.GetProperty("minimumGroupSize").GetInt32());
                AssertNoRates(figures);
            }

            var company = await admin.GetJson("/api/analytics/company?window=all");
            var row = company.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("departmentId").GetString() == rnd);
            Assert.True(row.GetProperty("withheld").GetBoolean());
            AssertNoRates(row);
            var wall = await admin.GetJson("/api/wallboard/engagement");
            var bar = wall.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("departmentId").GetString() == rnd);
            Assert.True(bar.GetProperty("withheld").GetBoolean());
            Assert.Equal(JsonValueKind.Null, bar.GetProperty("readRate").ValueKind);
            foreach (var point in (await ravi.GetJson($"/api/analytics/departments/{rnd}/trend?metric=participationRate&days=5"))
                         .GetProperty("points").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.Null, point.GetProperty("value").ValueKind);
            }
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/privacy", Defaults)).StatusCode);
        }

        Assert.False((await ravi.GetJson($"/api/analytics/departments/{rnd}?window=all")).GetProperty("withheld").GetBoolean());
    }

    [Fact]
    public async Task No_analytics_answer_names_or_identifies_a_person()
    {
        var admin = await factory.SignedIn(ApiClient.Admin);
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem();
        await Act(ravi, item, new { type = "reply", text = "Thanks, we are on it" });
        var people = (await admin.GetJson("/api/admin/people?pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(p => p.GetProperty("employeeId").ValueKind == JsonValueKind.String)
            .Select(p => (Id: p.GetProperty("employeeId").GetString()!, Name: p.GetProperty("name").GetString()!))
            .Concat((await admin.GetJson("/api/boards/employees?window=all&top=100")).GetProperty("rows").EnumerateArray()
                .Select(r => (Id: r.GetProperty("memberId").GetString()!, Name: r.GetProperty("name").GetString()!)))
            .ToList();
        Assert.NotEmpty(people);
        var departments = (await admin.GetJson("/api/departments")).EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
        var answers = new List<string>
        {
            await admin.GetStringAsync("/api/analytics/company?window=all"),
            await admin.GetStringAsync("/api/wallboard/engagement"),
        };
        foreach (var department in departments)
        {
            answers.AddRange(await Task.WhenAll(Paths(department).Select(p => admin.GetStringAsync(p))));
        }

        foreach (var answer in answers)
        {
            foreach (var person in people)
            {
                Assert.DoesNotContain(person.Id, answer, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(person.Name, answer, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("employee", answer, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_watcher_receives_AnalyticsChanged_after_a_read_and_another_department_is_refused()
    {
        var ravi = await factory.SignedIn(ApiClient.Ravi);
        var rnd = await DepartmentOf(ravi);
        await using var lena = await LiveClient.Connect(factory, ApiClient.Lena);
        var current = await lena.WatchAnalytics(rnd);
        Assert.Equal(rnd, current.GetProperty("departmentId").GetString());

        // A new item for the department: a push counts it (the read above left figures kept that do not).
        var item = await Ingest(factory.WithApiKey(), "blog", $"The app crashes after the update {Marker()}");
        var routedBefore = current.GetProperty("routedItems").GetInt32();
        JsonElement[] Pushed() => [.. lena.AnalyticsChanges.Where(c => c.GetProperty("departmentId").GetString() == rnd)];
        await Eventually.True(() => Task.FromResult(Pushed().Any(c => c.GetProperty("routedItems").GetInt32() > routedBefore)));
        var routed = Pushed().Last();
        Assert.Equal("rolling30", routed.GetProperty("window").GetString());

        // Reading it moves the read rate in the next push, however recently the figures were counted.
        await Act(ravi, item, new { type = "read" });
        await Eventually.True(() => Task.FromResult(Pushed().Any(c => Read(c) > Read(routed))));

        await using var sofia = await LiveClient.Connect(factory, ApiClient.Sofia);
        var refused = await Assert.ThrowsAsync<HubException>(() => sofia.WatchAnalytics(rnd));
        Assert.Contains("own department", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => sofia.WatchAnalytics(Guid.NewGuid().ToString()));
    }

    private static IEnumerable<string> Paths(string department) =>
    [
        $"/api/analytics/departments/{department}",
        $"/api/analytics/departments/{department}?window=all",
        $"/api/analytics/departments/{department}/trend?metric=firstResponseMedian&days=14",
        $"/api/analytics/departments/{department}/return?window=month",
        $"/api/analytics/departments/{department}/lift",
    ];

    private static void AssertNoRates(JsonElement figures)
    {
        foreach (var rate in new[] { "readRate", "resolvedRate", "insightRate", "handoffRate", "sharedBothActedRate", "slaMetRate", "participationRate" })
        {
            Assert.Equal(JsonValueKind.Null, figures.GetProperty(rate).ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, figures.GetProperty("firstResponse").GetProperty("medianMinutes").ValueKind);
        Assert.All(figures.GetProperty("channels").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("readRate").ValueKind));
    }

    /// <summary>Items read, worked out from the rate (the API sends rates, not counts).</summary>
    private static int Read(JsonElement figures) => figures.GetProperty("readRate").ValueKind == JsonValueKind.Null
        ? 0
        : (int)Math.Round(figures.GetProperty("readRate").GetDouble() * figures.GetProperty("routedItems").GetInt32());

    /// <summary>Polls until <paramref name="read"/> answers a value (the projection catches up behind the writer).</summary>
    private static async Task<JsonElement> Until(Func<Task<JsonElement?>> read)
    {
        JsonElement? found = null;
        await Eventually.True(async () => (found = await read()) is not null, 30_000);
        return found!.Value;
    }

    private static async Task<string> DepartmentOf(HttpClient client) =>
        (await client.GetJson("/api/me")).GetProperty("departmentId").GetString()!;
}
