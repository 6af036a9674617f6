using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

/// <summary>Issue 7 point 4 in the browser: opting in and out shows on a live board in another browser without a reload;
/// the plain-language privacy page in English and German.</summary>
public sealed class PrivacyUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Ravis_opt_out_and_opt_in_show_on_Sofias_live_board_without_a_reload()
    {
        var api = await browser.Server.SignedIn(ApiClient.Ravi);
        var raviId = (await api.GetJson("/api/me")).GetProperty("employeeId").GetString()!;
        // Others see Ravi's row only in the board's top half (no bottom ranks).
        await BoardStanding.LiftIntoTopHalf(browser.Server, api, ApiClient.Ravi, "employees", "all");
        var mine = await api.GetJson("/api/me/privacy");
        Assert.True(mine.GetProperty("rankedByName").GetBoolean());
        var pseudonymId = mine.GetProperty("pseudonymId").GetString()!;
        var code = mine.GetProperty("pseudonym").GetString()!.Split(' ')[^1];

        var sofia = await browser.SignedInPage(ApiClient.Sofia);
        await sofia.GetByRole(AriaRole.Link, new() { Name = "Leaderboard", Exact = true }).ClickAsync();
        await sofia.GetByLabel("Board", new() { Exact = true }).SelectOptionAsync("employees");
        await sofia.GetByLabel("Window", new() { Exact = true }).SelectOptionAsync("all");
        await Assertions.Expect(sofia.GetByTestId("live-status")).ToHaveAttributeAsync("data-status", "connected");
        var named = sofia.Locator($"[data-testid=board-row][data-member-id='{raviId}']");
        var pseudonymous = sofia.Locator($"[data-testid=board-row][data-member-id='{pseudonymId}']");
        await Assertions.Expect(named.GetByTestId("board-name")).ToHaveTextAsync("Ravi Patel");
        await sofia.EvaluateAsync("() => { window.__sameDocument = true; }");

        var ravi = await browser.SignedInPage(ApiClient.Ravi);
        var consent = ravi.GetByTestId("ranked-by-name");
        await Assertions.Expect(consent).ToBeCheckedAsync();
        await consent.UncheckAsync();
        await Assertions.Expect(ravi.GetByTestId("shown-as")).ToContainTextAsync($"Colleague {code}");

        await Assertions.Expect(pseudonymous.GetByTestId("board-name")).ToHaveTextAsync($"Colleague {code}", new() { Timeout = 30_000 });
        await Assertions.Expect(named).ToHaveCountAsync(0);
        await Assertions.Expect(sofia.GetByText("Ravi Patel")).ToHaveCountAsync(0);

        await consent.CheckAsync();
        await Assertions.Expect(named.GetByTestId("board-name")).ToHaveTextAsync("Ravi Patel", new() { Timeout = 30_000 });
        await Assertions.Expect(pseudonymous).ToHaveCountAsync(0);
        Assert.True(await sofia.EvaluateAsync<bool>("() => window.__sameDocument === true"), "Sofia's page was reloaded");
    }

    [Fact]
    public async Task The_privacy_page_is_linked_from_the_sign_in_page_and_reads_in_English_and_German()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByTestId("privacy-link").ClickAsync();

        var article = page.GetByTestId("privacy-page");
        await Assertions.Expect(article.GetByRole(AriaRole.Heading, new() { Name = "Privacy and fairness", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(article).ToContainTextAsync("never used for pay, bonuses or performance reviews");
        await Assertions.Expect(article).ToContainTextAsync("Colleague 4F2A");
        await Assertions.Expect(article).ToContainTextAsync("shorter than 3 seconds");

        await page.GetByLabel("Language").SelectOptionAsync("de");
        await Assertions.Expect(article.GetByRole(AriaRole.Heading, new() { Name = "Datenschutz und Fairness", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(article).ToContainTextAsync("nie für Gehalt, Boni oder Leistungsbeurteilungen verwendet");
        await Assertions.Expect(page.GetByTestId("privacy-link")).ToHaveTextAsync("Datenschutz");
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_changes_the_privacy_settings_in_the_admin_tab()
    {
        var admin = await browser.SignedInPage(ApiClient.Admin);
        await admin.GotoAsync("/#/admin/privacy");
        var settings = admin.GetByTestId("privacy-settings");
        await Assertions.Expect(settings.GetByTestId("privacy-minimum-group-size")).ToHaveValueAsync("5");
        await settings.GetByTestId("privacy-minimum-group-size").FillAsync("6");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(settings.GetByRole(AriaRole.Status)).ToHaveTextAsync("Privacy settings saved.");
        await Assertions.Expect(settings.GetByTestId("privacy-history").Locator("li").First).ToContainTextAsync("Minimum group size 6");

        var api = await browser.Server.SignedIn(ApiClient.Admin);
        Assert.Equal(6, (await api.GetJson("/api/admin/privacy")).GetProperty("minimumGroupSize").GetInt32());
        await settings.GetByTestId("privacy-minimum-group-size").FillAsync("5");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(settings.GetByTestId("privacy-history").Locator("li").First).ToContainTextAsync("Minimum group size 5");
    }
}
