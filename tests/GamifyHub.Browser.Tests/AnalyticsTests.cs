using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

/// <summary>
/// Issue 13 in the browser: the Analytics page draws the read rate over time with the study's baseline as a labelled SVG
/// line and the same numbers as a table; an employee's read in another browser moves the manager's read rate live; the
/// page reads in German; withheld departments show no chart; the wallboard's engagement view draws bars.
/// </summary>
[Collection(SerialBrowserTests.Name)]
public sealed class AnalyticsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly object PrivacyDefaults = new { individualBoards = true, minimumGroupSize = 5, managersSeeIndividuals = false };

    private async Task<string> DepartmentOf(string email)
    {
        using var api = await browser.Server.SignedIn(email);
        return (await api.GetJson("/api/me")).GetProperty("departmentId").GetString()!;
    }

    private static async Task OpenAnalytics(IPage page, string link = "Analytics")
    {
        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("analytics-figures")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    private static ILocator Figure(IPage page, string key) =>
        page.Locator($"[data-testid=analytics-figures] [data-figure='{key}']");

    /// <summary>What a chart label cites of a long source: its last parenthesised part with a name in it (web: format.ts shortSource).</summary>
    private static string ShortSource(string source)
    {
        if (source.Length <= 40)
        {
            return source;
        }

        var named = System.Text.RegularExpressions.Regex.Matches(source, @"\(([^()]+)\)").Select(m => m.Groups[1].Value)
            .LastOrDefault(g => g.Any(char.IsLetter));
        return named is null ? source[..20] : named.Length <= 40 ? named : named[..39];
    }

    private static string Percent(double share) =>
        (Math.Round(share * 100, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_manager_sees_the_read_rate_over_time_with_the_studys_baseline_as_a_labelled_line_and_as_a_table()
    {
        var rnd = await DepartmentOf(ApiClient.Lena);
        using var api = await browser.Server.SignedIn(ApiClient.Lena);
        var trend = await api.GetJson($"/api/analytics/departments/{rnd}/trend?metric=readRate&days=90");
        var points = trend.GetProperty("points").GetArrayLength();
        var baseline = trend.GetProperty("baseline");
        Assert.Equal(JsonValueKind.Object, baseline.ValueKind);

        var lena = await browser.SignedInPage(ApiClient.Lena);
        await OpenAnalytics(lena);
        await Assertions.Expect(lena.GetByTestId("analytics")).ToHaveAttributeAsync("data-department-id", rnd);

        var section = lena.GetByTestId("analytics-read-rate");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Read rate over time", Level = 3 })).ToBeVisibleAsync();
        var chart = lena.GetByRole(AriaRole.Img, new() { Name = "Read rate of Research & Development per day over the last 90 days, with the study’s baseline" });
        await Assertions.Expect(chart).ToBeVisibleAsync();

        // The baseline is a dashed horizontal SVG line at the study's figure, with a label that names the figure, its
        // source and its value (Recharts draws the label in another layer; a flat line has no height to be "visible").
        var line = chart.Locator(".recharts-reference-line line");
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await Assertions.Expect(line).ToHaveAttributeAsync("y", baseline.GetProperty("value").GetDouble().ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(line).ToHaveAttributeAsync("stroke-dasharray", "6 4");
        Assert.True(await line.EvaluateAsync<bool>("l => l.getAttribute('y1') === l.getAttribute('y2') && Number(l.getAttribute('x2')) > Number(l.getAttribute('x1')) + 100"),
            "the baseline is a horizontal line across the chart");
        var label = chart.Locator(".chart-baseline-label");
        await Assertions.Expect(label).ToBeVisibleAsync();
        await Assertions.Expect(label).ToContainTextAsync("baseline");
        var source = baseline.GetProperty("source").GetString()!;
        await Assertions.Expect(label).ToContainTextAsync(ShortSource(source));
        await Assertions.Expect(lena.GetByTestId("read-rate-baseline-source")).ToContainTextAsync(source);
        await Assertions.Expect(label).ToContainTextAsync($"{Percent(baseline.GetProperty("value").GetDouble())}%");
        await Assertions.Expect(chart.Locator(".recharts-line-curve").First).ToBeVisibleAsync();

        // The same numbers as a table: one row per day, a caption, scoped headers, the baseline in every row.
        await section.GetByText("Show as table", new() { Exact = true }).ClickAsync();
        var table = section.GetByRole(AriaRole.Table);
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("caption")).ToHaveTextAsync(
            "Read rate of Research & Development per day over the last 90 days, with the study’s baseline");
        await Assertions.Expect(table.Locator("thead th[scope=col]")).ToHaveCountAsync(3);
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(points);
        await Assertions.Expect(table.Locator("tbody tr th[scope=row]")).ToHaveCountAsync(points);
        var last = trend.GetProperty("points")[points - 1];
        var lastRow = table.Locator($"tbody tr[data-date='{last.GetProperty("date").GetString()}']");
        await Assertions.Expect(lastRow.Locator("td").Last).ToHaveTextAsync($"{Percent(baseline.GetProperty("value").GetDouble())}%");
        if (last.GetProperty("value").ValueKind == JsonValueKind.Number)
        {
            await Assertions.Expect(lastRow.Locator("td").First).ToHaveTextAsync($"{Percent(last.GetProperty("value").GetDouble())}%");
        }
    }

    [Fact]
    public async Task An_employee_reads_an_item_in_another_browser_and_the_managers_read_rate_moves_without_a_reload()
    {
        var rnd = await DepartmentOf(ApiClient.Lena);
        var lena = await browser.SignedInPage(ApiClient.Lena);
        await OpenAnalytics(lena);
        await Assertions.Expect(lena.GetByTestId("live-status")).ToHaveAttributeAsync("data-status", "connected", new() { Timeout = 30_000 });
        var routed = Figure(lena, "routedItems");
        var readRate = Figure(lena, "readRate");
        var routedBefore = long.Parse(await routed.GetAttributeAsync("data-value") ?? "0", CultureInfo.InvariantCulture);
        await lena.EvaluateAsync("() => { window.__sameDocument = true; }");

        // A new complaint reaches R&D and nobody there has read it yet.
        using var intake = browser.Server.WithApiKey();
        var created = await (await intake.PostAsJsonAsync("/api/feedback", new
        {
            channel = "x",
            externalId = $"analytics-{Guid.NewGuid():N}",
            author = "@kim",
            text = "The app crashes every time I open the settings.",
        })).Json();
        var item = created.GetProperty("id").GetString()!;
        Assert.Contains(created.GetProperty("departments").EnumerateArray(), d => d.GetProperty("id").GetString() == rnd);
        await Assertions.Expect(routed).ToHaveAttributeAsync("data-value", (routedBefore + 1).ToString(CultureInfo.InvariantCulture),
            new() { Timeout = 30_000 });
        var rateBefore = double.Parse(await readRate.GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture);

        var ravi = await browser.SignedInPage(ApiClient.Ravi);
        var card = ravi.Locator($"[data-testid=feedback-item][data-id='{item}']");
        await card.GetByRole(AriaRole.Button, new() { Name = "Read", Exact = true }).ClickAsync();
        await Assertions.Expect(card).ToHaveAttributeAsync("data-read", "true");

        await lena.WaitForFunctionAsync(
            "before => { const el = document.querySelector(\"[data-testid=analytics-figures] [data-figure='readRate']\"); " +
            "return !!el && el.dataset.value !== '' && Number(el.dataset.value) > before; }",
            rateBefore, new() { Timeout = 30_000 });
        Assert.True(await lena.EvaluateAsync<bool>("() => window.__sameDocument === true"), "Lena's page was reloaded");
    }

    [Fact]
    public async Task The_analytics_page_reads_in_German()
    {
        var lena = await browser.SignedInPage(ApiClient.Lena);
        await lena.GetByLabel("Language").SelectOptionAsync("de");
        await OpenAnalytics(lena, "Auswertung");

        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Auswertung", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Lesequote im Zeitverlauf", Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(lena.GetByLabel("Zeitraum", new() { Exact = true })).ToHaveValueAsync("rolling30");
        await Assertions.Expect(Figure(lena, "readRate").Locator("dt")).ToHaveTextAsync("Lesequote");
        var chart = lena.GetByTestId("analytics-read-rate-chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("aria-label", "Lesequote von Research & Development pro Tag in den letzten 90 Tagen, mit dem Vergleichswert der Studie");
        await Assertions.Expect(chart.Locator(".chart-baseline-label")).ToContainTextAsync("Vergleichswert");
        await Assertions.Expect(lena.GetByTestId("analytics-read-rate").GetByText("Als Tabelle zeigen", new() { Exact = true })).ToBeVisibleAsync();

        // The maturity reasons are codes worded by the client, with the figures, in German.
        var maturity = lena.GetByTestId("analytics-maturity");
        await Assertions.Expect(maturity.GetByRole(AriaRole.Heading, new() { Name = "Reifegrad" })).ToBeVisibleAsync();
        await Assertions.Expect(maturity.GetByTestId("maturity-stage")).ToContainTextAsync("Stufe: ");
        await Assertions.Expect(maturity.GetByTestId("maturity-next-step")).Not.ToBeEmptyAsync();
        var reasons = maturity.Locator("[data-testid=maturity-reasons] li");
        for (var i = 0; i < await reasons.CountAsync(); i++)
        {
            await Assertions.Expect(reasons.Nth(i)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"liegt unter|erreicht den Wert|: "));
            await Assertions.Expect(reasons.Nth(i)).Not.ToContainTextAsync(" is below ");
        }
    }

    [Fact]
    public async Task An_employee_sees_their_own_department_only_and_a_withheld_department_shows_no_chart()
    {
        var ravi = await browser.SignedInPage(ApiClient.Ravi);
        await OpenAnalytics(ravi);
        await Assertions.Expect(ravi.GetByRole(AriaRole.Heading, new() { Name = "Research & Development", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(ravi.GetByTestId("analytics-department")).ToHaveCountAsync(0);
        await Assertions.Expect(ravi.GetByTestId("analytics-company")).ToHaveCountAsync(0);

        using var admin = await browser.Server.SignedIn(ApiClient.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/privacy",
            new { individualBoards = true, minimumGroupSize = 50, managersSeeIndividuals = false })).StatusCode);
        try
        {
            await ravi.ReloadAsync();
            await Assertions.Expect(ravi.GetByTestId("analytics-withheld")).ToContainTextAsync("withheld to protect privacy",
                new() { Timeout = 30_000 });
            await Assertions.Expect(ravi.GetByTestId("analytics-read-rate")).ToHaveCountAsync(0);
            await Assertions.Expect(ravi.Locator(".recharts-surface")).ToHaveCountAsync(0);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/privacy", PrivacyDefaults)).StatusCode);
        }
    }

    [Fact]
    public async Task The_leaderboard_links_a_department_to_its_figures()
    {
        var rnd = await DepartmentOf(ApiClient.Lena);
        var lena = await browser.SignedInPage(ApiClient.Lena);
        await lena.GetByRole(AriaRole.Link, new() { Name = "Leaderboard", Exact = true }).ClickAsync();
        await lena.GetByLabel("Board", new() { Exact = true }).SelectOptionAsync("departments");
        var row = lena.Locator($"[data-testid=board-row][data-member-id='{rnd}']");
        await row.GetByTestId("board-analytics-link").ClickAsync();

        await Assertions.Expect(lena.GetByTestId("analytics")).ToHaveAttributeAsync("data-department-id", rnd);
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Research & Development", Level = 2 })).ToBeVisibleAsync(
            new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task An_admin_sees_the_company_view_with_every_department_side_by_side()
    {
        using var api = await browser.Server.SignedIn(ApiClient.Admin);
        var company = await api.GetJson("/api/analytics/company?window=rolling30");
        var departments = company.GetProperty("departments").GetArrayLength();

        var admin = await browser.SignedInPage(ApiClient.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Analytics", Exact = true }).ClickAsync();
        var view = admin.GetByTestId("analytics-company");
        await Assertions.Expect(view.GetByRole(AriaRole.Heading, new() { Name = "The whole company", Level = 2 })).ToBeVisibleAsync(
            new() { Timeout = 30_000 });
        await Assertions.Expect(admin.GetByTestId("analytics-department").Locator("option")).ToHaveCountAsync(departments);
        var chart = admin.GetByTestId("analytics-departments-chart");
        await Assertions.Expect(chart.Locator(".recharts-reference-line line").First).ToBeAttachedAsync();
        await Assertions.Expect(chart.Locator(".chart-baseline-label").First).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("analytics-departments-table").Locator("tbody tr")).ToHaveCountAsync(departments);
    }

    [Fact]
    public async Task The_wallboard_engagement_view_shows_read_rate_bars_against_the_baseline()
    {
        using var admin = await browser.Server.SignedIn(ApiClient.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = "Engagement TV" })).Json();
        var token = created.GetProperty("token").GetString()!;
        using var screen = browser.Server.CreateClient();
        screen.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var engagement = await screen.GetJson("/api/wallboard/engagement");
        var departments = engagement.GetProperty("departments").EnumerateArray().ToList();
        var measured = departments.Count(d => !d.GetProperty("withheld").GetBoolean() && d.GetProperty("readRate").ValueKind == JsonValueKind.Number);

        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString(), Locale = "en-US" });
        var page = await context.NewPageAsync();
        // A long rotation keeps the engagement view on screen for the whole test.
        await page.GotoAsync($"/#/wallboard?token={token}&rotate=600&view=engagement");
        await Assertions.Expect(page.GetByTestId("wallboard")).ToHaveAttributeAsync("data-view", "engagement", new() { Timeout = 30_000 });

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Read rate of each department as bars, with the study’s baseline as a line" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True(measured > 0, "the demo company has read rates to show");
        // A bar per measured department (a read rate of 0 draws none, a withheld department has none).
        await Assertions.Expect(chart.Locator(".recharts-bar-rectangle").First).ToBeVisibleAsync();
        Assert.InRange(await chart.Locator(".recharts-bar-rectangle").CountAsync(), 1, measured);
        if (engagement.GetProperty("baseline").ValueKind == JsonValueKind.Object)
        {
            await Assertions.Expect(chart.Locator(".recharts-reference-line line")).ToHaveCountAsync(1);
            await Assertions.Expect(chart.Locator(".chart-baseline-label")).ToContainTextAsync(
                ShortSource(engagement.GetProperty("baseline").GetProperty("source").GetString()!));
        }

        await Assertions.Expect(page.GetByTestId("wallboard-engagement-table").Locator("tbody tr")).ToHaveCountAsync(departments.Count);
    }
}
