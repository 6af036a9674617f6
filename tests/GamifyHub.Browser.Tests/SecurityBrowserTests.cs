using System.Collections.Concurrent;
using System.Net.Http.Json;
using GamifyHub.Data;
using GamifyHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

/// <summary>Customer text is shown as text, never run; the app runs under its strict Content-Security-Policy without a violation.</summary>
[Collection(SerialBrowserTests.Name)]
public sealed class SecurityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Records CSP violations and dialogs from the first script of every page on.</summary>
    private const string Watch = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    private static async Task<IPage> Watched(BrowserFixture browser, string email, ConcurrentQueue<string> problems)
    {
        var page = await browser.SignedInPage(email, context => context.AddInitScriptAsync(Watch));
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Enqueue("console: " + message.Text);
            }
        };
        page.Dialog += (_, dialog) =>
        {
            problems.Enqueue("dialog: " + dialog.Message);
            _ = dialog.DismissAsync();
        };
        return page;
    }

    private static async Task AssertNoViolations(IPage page, ConcurrentQueue<string> problems)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__csp");
        Assert.True(violations.Length == 0 && problems.IsEmpty,
            "CSP violations or dialogs: " + string.Join("; ", violations.Concat(problems)));
    }

    private const string Author = "<img src=x onerror=\"window.__xss=1\">";

    [Fact]
    public async Task A_feedback_item_with_script_payloads_renders_as_text_in_the_inbox_and_the_detail_and_runs_nothing()
    {
        const string text = "App crash after the update <script>window.__xss=1</script> <img src=x onerror=\"window.__xss=1\"> " +
                            "<a href=\"javascript:window.__xss=1\">click</a> <svg onload=\"window.__xss=1\"></svg>";
        var response = await browser.Server.WithApiKey().PostAsJsonAsync("/api/feedback", new
        {
            channel = "x", externalId = $"xss-{Guid.CreateVersion7()}", author = Author,
            text, // a javascript: 'url' is refused at intake (only http and https), so the link is tried in the text
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = (await response.Json()).GetProperty("id").GetString()!;

        // Intake already strips markup (tags removed, entities decoded, tags made by decoding removed again), so the stored
        // text holds none. The page is the last line and must hold on its own: the item is given the raw payload directly in
        // the database, as if a channel or an older version had stored it.
        await using (var scope = browser.Server.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GamifyDbContext>>().CreateDbContextAsync())
        {
            var guid = Guid.Parse(id);
            Assert.Equal(1, await db.FeedbackItems.Where(f => f.Id == guid)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.Text, text).SetProperty(f => f.Author, Author)));
        }

        var problems = new ConcurrentQueue<string>();
        var page = await Watched(browser, ApiClient.Ravi, problems);
        var card = page.Locator($"[data-testid=feedback-item][data-id='{id}']");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByTestId("feedback-text")).ToHaveTextAsync(text);
        await Assertions.Expect(card.GetByTestId("feedback-author")).ToHaveTextAsync(Author);

        await card.GetByTestId("feedback-open-detail").ClickAsync();
        var detail = page.GetByTestId("feedback-detail");
        await Assertions.Expect(detail.Locator(".detail__text")).ToHaveTextAsync(text);

        // Nothing ran, and nothing was even parsed as markup (so the CSP is a second line, not the only one).
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), "a payload ran");
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "() => document.querySelectorAll('img[src=\"x\"], svg[onload], script:not([src]), a[href^=\"javascript:\"]').length"));
        await AssertNoViolations(page, problems);
    }

    [Fact]
    public async Task The_inbox_and_the_live_board_load_without_a_csp_violation()
    {
        var problems = new ConcurrentQueue<string>();
        var page = await Watched(browser, ApiClient.Sofia, problems);
        await Assertions.Expect(page.GetByTestId("feedback-item").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Leaderboard", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("live-status")).ToHaveAttributeAsync("data-status", "connected");
        await Assertions.Expect(page.GetByTestId("board-row").First).ToBeVisibleAsync();
        await AssertNoViolations(page, problems);
    }
}
