using System.Net.Http.Json;
using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

public sealed class InboxKeyboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_employee_triages_from_the_keyboard_only_and_a_search_narrows_the_list()
    {
        // Three new R&D items share a word nobody else uses; arriving now, they top the open inbox, newest first.
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var integration = browser.Server.WithApiKey();
        var ids = new List<string>();
        foreach (var n in new[] { 1, 2, 3 })
        {
            var response = await integration.PostAsJsonAsync("/api/feedback", new
            {
                channel = "x", externalId = $"kb-{marker}-{n}", author = $"@kb{n}", text = $"App crash number {n} after the update {marker}",
            });
            response.EnsureSuccessStatusCode();
            ids.Insert(0, (await response.Json()).GetProperty("id").GetString()!);
        }

        var page = await browser.SignedInPage(ApiClient.Ravi);
        var cards = page.GetByTestId("feedback-item");
        await Assertions.Expect(cards.First).ToHaveAttributeAsync("data-id", ids[0]);

        // ? shows the shortcuts; Esc closes them.
        await page.Keyboard.PressAsync("?");
        var help = page.GetByTestId("shortcuts-help");
        await Assertions.Expect(help).ToBeVisibleAsync();
        await Assertions.Expect(help.GetByRole(AriaRole.Heading, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
        await Assertions.Expect(help).ToContainTextAsync("Resolve (with a resolution note)");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(help).ToHaveCountAsync(0);

        // j/k move the selection and the focus.
        await page.Keyboard.PressAsync("j");
        await Selected(page, ids[0]);
        await page.Keyboard.PressAsync("j");
        await Selected(page, ids[1]);
        await page.Keyboard.PressAsync("k");
        await Selected(page, ids[0]);

        // r reads it.
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(Card(page, ids[0])).ToHaveAttributeAsync("data-read", "true", new() { Timeout = 30_000 });
        await CloseCelebration(page);

        // o opens the details (focus moves there); Esc closes them and the focus goes back to the card.
        await page.Keyboard.PressAsync("o");
        var detail = page.GetByTestId("feedback-detail");
        await Assertions.Expect(detail).ToHaveAttributeAsync("data-id", ids[0]);
        await Assertions.Expect(detail.GetByTestId("detail-history-entry")).ToHaveCountAsync(1);
        await Assertions.Expect(detail.GetByTestId("detail-handoffs")).ToContainTextAsync("Research & Development");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(detail).ToHaveCountAsync(0);
        await Selected(page, ids[0]);

        // e opens the resolve form in the note field; an empty note is refused, a typed one resolves it.
        await page.Keyboard.PressAsync("e");
        var note = page.GetByLabel("Resolution note");
        await Assertions.Expect(note).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(Card(page, ids[0]).GetByTestId("action-error")).ToContainTextAsync("resolution");
        await page.Keyboard.TypeAsync("Fixed in 2.4 - jk keys typed here do nothing else.");
        await page.Keyboard.PressAsync("Control+Enter");

        // It leaves the open list; the next item takes its place and the focus.
        await Assertions.Expect(Card(page, ids[0])).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("inbox-results")).ToContainTextAsync("no longer in this view");
        await Selected(page, ids[1]);
        var ravi = await browser.Server.SignedIn(ApiClient.Ravi);
        var stored = await ravi.GetJson($"/api/feedback/{ids[0]}");
        Assert.Equal("resolved", stored.GetProperty("item").GetProperty("status").GetString());
        Assert.Equal("Fixed in 2.4 - jk keys typed here do nothing else.", stored.GetProperty("resolution").GetProperty("note").GetString());

        // / goes to the search; letters typed there are text, not shortcuts. The list narrows to what matches.
        await page.Keyboard.PressAsync("/");
        var search = page.GetByTestId("inbox-search");
        await Assertions.Expect(search).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(marker + " jekr");
        await Assertions.Expect(search).ToHaveValueAsync(marker + " jekr");
        await Assertions.Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync(marker);
        await Assertions.Expect(cards).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Assertions.Expect(cards.Nth(0)).ToHaveAttributeAsync("data-id", ids[1]);
        await Assertions.Expect(cards.Nth(1)).ToHaveAttributeAsync("data-id", ids[2]);
        await Assertions.Expect(page.GetByTestId("inbox-results")).ToContainTextAsync("2 items match");
        await Assertions.Expect(Card(page, ids[0])).ToHaveCountAsync(0); // resolved: not in the open list, search or not
    }

    [Fact]
    public async Task A_repost_is_marked_and_the_SLA_filter_shows_only_items_in_that_state()
    {
        // The same complaint twice under two post ids: the second is a near-duplicate of the first.
        var marker = "zr" + Guid.NewGuid().ToString("N")[..10];
        var integration = browser.Server.WithApiKey();
        var ids = new List<string>();
        foreach (var n in new[] { 1, 2 })
        {
            var response = await integration.PostAsJsonAsync("/api/feedback", new
            {
                channel = "x", externalId = $"dup-{marker}-{n}", author = $"@dup{n}",
                text = $"The app crashes every single time I open the camera screen {marker}",
            });
            response.EnsureSuccessStatusCode();
            ids.Add((await response.Json()).GetProperty("id").GetString()!);
        }

        var page = await browser.SignedInPage(ApiClient.Ravi);
        await Assertions.Expect(Card(page, ids[1])).ToBeVisibleAsync();
        await Assertions.Expect(Card(page, ids[1]).GetByTestId("duplicate-badge")).ToContainTextAsync("Repost");
        await Assertions.Expect(Card(page, ids[0]).GetByTestId("duplicate-badge")).ToHaveCountAsync(0);

        // Breached: every card shown carries the breached badge (the demo's history has such items), and the new ones are gone.
        await page.GetByTestId("inbox-filter-status").SelectOptionAsync("all");
        await page.GetByTestId("inbox-filter-sla").SelectOptionAsync("breached");
        var cards = page.GetByTestId("feedback-item");
        await Assertions.Expect(Card(page, ids[1])).ToHaveCountAsync(0);
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        var count = await cards.CountAsync();
        await Assertions.Expect(page.Locator("[data-testid=feedback-item] [data-testid=sla-badge][data-state=breached]")).ToHaveCountAsync(count);

        // On track: the new items are back.
        await page.GetByTestId("inbox-filter-sla").SelectOptionAsync("on-track");
        await Assertions.Expect(Card(page, ids[1])).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=feedback-item] [data-testid=sla-badge]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_insights_board_shows_a_backlog_item_with_its_linked_feedback()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var response = await browser.Server.WithApiKey().PostAsJsonAsync("/api/feedback",
            new { channel = "blog", externalId = $"ins-{marker}", author = "@ins", text = $"Please an offline mode, the app has a bug offline {marker}" });
        var id = (await response.Json()).GetProperty("id").GetString()!;
        var ravi = await browser.Server.SignedIn(ApiClient.Ravi);
        (await ravi.PostAsJsonAsync($"/api/feedback/{id}/actions",
            new { type = "insight", title = $"Offline mode {marker}", url = $"https://backlog.example/{marker}" })).EnsureSuccessStatusCode();

        var page = await browser.SignedInPage(ApiClient.Ravi);
        await page.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true }).ClickAsync();
        var item = page.Locator("[data-testid=insight-item]").Filter(new() { HasText = $"Offline mode {marker}" });
        await Assertions.Expect(item).ToHaveAttributeAsync("data-feedback-count", "1");
        await Assertions.Expect(item.GetByTestId("insight-title").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"https://backlog.example/{marker}");
        await Assertions.Expect(item.GetByTestId("insight-departments")).ToContainTextAsync("Research & Development");
        await item.GetByText("Linked feedback").ClickAsync();
        await Assertions.Expect(item.GetByTestId("insight-feedback")).ToContainTextAsync(marker);

        await page.GetByTestId("insights-window").SelectOptionAsync("all");
        await Assertions.Expect(page.GetByTestId("insights")).ToHaveAttributeAsync("data-window", "all");
        await Assertions.Expect(item).ToBeVisibleAsync();
    }

    private static ILocator Card(IPage page, string id) => page.Locator($"[data-testid=feedback-item][data-id='{id}']");

    private static async Task Selected(IPage page, string id)
    {
        await Assertions.Expect(Card(page, id)).ToHaveAttributeAsync("data-selected", "true");
        await Assertions.Expect(Card(page, id)).ToBeFocusedAsync();
    }

    /// <summary>A first read may earn a badge; its dialog takes the focus until closed.</summary>
    private static async Task CloseCelebration(IPage page)
    {
        var celebration = page.GetByTestId("badge-celebration");
        try
        {
            await celebration.WaitForAsync(new() { Timeout = 1_500 });
        }
        catch (TimeoutException)
        {
            return;
        }

        // Its Close button has the focus: Enter, still no mouse.
        await Assertions.Expect(celebration.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(celebration).ToHaveCountAsync(0);
    }
}
