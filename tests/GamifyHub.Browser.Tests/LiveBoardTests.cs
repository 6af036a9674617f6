using System.Text.RegularExpressions;
using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

[Collection(SerialBrowserTests.Name)]
public sealed class LiveBoardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Ravis_reply_moves_the_board_in_Sofias_browser_without_a_reload()
    {
        var api = await browser.Server.SignedIn(ApiClient.Ravi);
        // The departments board shows every department, so Ravi's department is on it whatever the demo's history
        // put on this week's employee board (Ravi may sit below its top 20).
        var raviDepartment = (await api.GetJson("/api/me")).GetProperty("departmentId").GetString()!;

        var sofia = await browser.SignedInPage(ApiClient.Sofia);
        await sofia.GetByRole(AriaRole.Link, new() { Name = "Leaderboard", Exact = true }).ClickAsync();
        await sofia.GetByLabel("Board", new() { Exact = true }).SelectOptionAsync("departments");
        await sofia.GetByLabel("Window", new() { Exact = true }).SelectOptionAsync("all");
        await Assertions.Expect(sofia.GetByTestId("live-status")).ToHaveAttributeAsync("data-status", "connected");
        await Assertions.Expect(sofia.GetByTestId("board-row").First).ToBeVisibleAsync();
        var raviRow = sofia.Locator($"[data-testid=board-row][data-member-id='{raviDepartment}']");
        var scoreBefore = await raviRow.CountAsync() == 0 ? 0 : int.Parse(await raviRow.GetAttributeAsync("data-score") ?? "0");
        await sofia.EvaluateAsync("() => { window.__sameDocument = true; }");

        var ravi = await browser.SignedInPage(ApiClient.Ravi);
        var card = ravi.GetByTestId("feedback-item").First;
        await card.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();
        await card.GetByLabel("Reply text").FillAsync("Thanks for telling us, a fix ships next week.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Send reply", Exact = true }).ClickAsync();
        var toast = ravi.GetByTestId("toast").Filter(new() { HasTextRegex = new Regex(@"\+\d+") }).First;
        await Assertions.Expect(toast).ToBeVisibleAsync();
        var earned = int.Parse(Regex.Match(await toast.InnerTextAsync(), @"\+(\d+)").Groups[1].Value);
        Assert.True(earned >= 5);

        await Assertions.Expect(raviRow).ToHaveAttributeAsync("data-score", (scoreBefore + earned).ToString(System.Globalization.CultureInfo.InvariantCulture),
            new() { Timeout = 30_000 });
        Assert.True(await sofia.EvaluateAsync<bool>("() => window.__sameDocument === true"), "Sofia's page was reloaded");
    }

    [Fact]
    public async Task The_departments_board_offers_fair_views_that_rank_by_points_per_head_and_per_item()
    {
        var sofia = await browser.SignedInPage(ApiClient.Sofia);
        await sofia.GetByRole(AriaRole.Link, new() { Name = "Leaderboard", Exact = true }).ClickAsync();
        await sofia.GetByLabel("Board", new() { Exact = true }).SelectOptionAsync("departments");
        await sofia.GetByLabel("Window", new() { Exact = true }).SelectOptionAsync("all");
        await Assertions.Expect(sofia.GetByTestId("board-row").First).ToBeVisibleAsync();

        foreach (var (view, unit) in new[] { ("per-head", "per head"), ("per-item", "per item") })
        {
            await sofia.GetByLabel("Ranking", new() { Exact = true }).SelectOptionAsync(view);

            var fair = sofia.Locator($"[data-testid=fair-board][data-view='{view}']");
            await Assertions.Expect(fair).ToBeVisibleAsync();
            await Assertions.Expect(sofia.GetByTestId("board")).ToBeHiddenAsync();
            var rows = fair.GetByTestId("fair-row");
            await Assertions.Expect(rows).ToHaveCountAsync(6);
            await Assertions.Expect(rows.First.GetByTestId("fair-ratio")).ToContainTextAsync(unit);
            var scores = new List<long>();
            for (var i = 0; i < 6; i++)
            {
                scores.Add(long.Parse(await rows.Nth(i).GetAttributeAsync("data-score") ?? "", System.Globalization.CultureInfo.InvariantCulture));
            }

            Assert.Equal(scores.OrderByDescending(s => s), scores);
        }

        await sofia.GetByLabel("Ranking", new() { Exact = true }).SelectOptionAsync("raw");
        await Assertions.Expect(sofia.GetByTestId("board-row").First).ToBeVisibleAsync();
        await Assertions.Expect(sofia.GetByTestId("fair-board")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_sign_in_page_lists_the_demo_sign_ins_and_switches_to_German()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("demo-account")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("demo-password")).ToContainTextAsync(ApiClient.Password);

        await page.GetByLabel("Language").SelectOptionAsync("de");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true })).ToBeVisibleAsync();
        Assert.Equal("de", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
    }
}
