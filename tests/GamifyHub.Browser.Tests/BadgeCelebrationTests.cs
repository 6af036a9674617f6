using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

public sealed class BadgeCelebrationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sofias_first_read_celebrates_the_First_Listener_badge_and_shows_it_in_her_panel()
    {
        var sofia = await browser.SignedInPage(ApiClient.Sofia);
        // The badge arrives over the hub: be connected before acting.
        await Assertions.Expect(sofia.GetByTestId("shell")).ToHaveAttributeAsync("data-live", "connected", new() { Timeout = 30_000 });
        var panel = sofia.GetByTestId("me-panel");
        await Assertions.Expect(panel.GetByTestId("me-level")).ToHaveAttributeAsync("data-level", "1");
        var badge = panel.Locator("[data-testid=badge][data-badge-id='first-listener']");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-earned", "false");

        var card = sofia.GetByTestId("feedback-item").First;
        await card.GetByRole(AriaRole.Button, new() { Name = "Read", Exact = true }).ClickAsync();

        var celebration = sofia.GetByTestId("badge-celebration");
        await Assertions.Expect(celebration).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(celebration).ToHaveAttributeAsync("role", "dialog");
        await Assertions.Expect(celebration.GetByRole(AriaRole.Heading, new() { Name = "Badge earned!", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(celebration).ToContainTextAsync("First Listener");
        var close = celebration.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true });
        await Assertions.Expect(close).ToBeFocusedAsync();

        await Assertions.Expect(badge).ToHaveAttributeAsync("data-earned", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(badge).ToContainTextAsync("First Listener");

        await close.ClickAsync();
        await Assertions.Expect(celebration).ToHaveCountAsync(0);

        // "Why did I get this?": the award names its rule and rule set version.
        var award = panel.Locator("[data-testid=award][data-rule='read']").First;
        await award.GetByText("Why did I get this?").ClickAsync();
        await Assertions.Expect(award.GetByTestId("award-why-rule")).ToContainTextAsync("read · rule set version");

        // In German the rule set's own texts follow: badge name and award reason.
        await sofia.GetByLabel("Language").SelectOptionAsync("de");
        await Assertions.Expect(badge).ToContainTextAsync("Erstes Zuhören", new() { Timeout = 30_000 });
        await Assertions.Expect(award).ToContainTextAsync("Kundenfeedback gelesen");
        await Assertions.Expect(award.GetByText("Warum habe ich das bekommen?")).ToBeVisibleAsync();
    }
}
