using System.Globalization;
using System.Net.Http.Json;
using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

public sealed class KudosNotificationUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Lena_thanks_Ravi_from_the_item_history_and_Ravis_bell_counts_it_live_until_he_reads_it()
    {
        var raviApi = await browser.Server.SignedIn(ApiClient.Ravi);
        var item = await raviApi.FirstOpenItem(i => i.GetProperty("replyCount").GetInt32() == 0);
        (await raviApi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "reply", text = "We are on it." })).EnsureSuccessStatusCode();

        var ravi = await browser.SignedInPage(ApiClient.Ravi);
        var bell = ravi.GetByTestId("notification-bell");
        await Assertions.Expect(bell).ToBeVisibleAsync();
        await Assertions.Expect(ravi.GetByTestId("shell")).ToHaveAttributeAsync("data-live", "connected");
        var unreadBefore = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0", CultureInfo.InvariantCulture);

        var lena = await browser.SignedInPage(ApiClient.Lena);
        var card = lena.Locator($"[data-testid=feedback-item][data-id='{item}']");
        await card.GetByTestId("feedback-open-detail").ClickAsync();
        var detail = lena.GetByTestId("feedback-detail");
        // Lena is a manager and managers see no individuals by default: she thanks "a colleague" for the reply, by entry.
        var reply = detail.Locator("[data-testid=detail-history-entry][data-type=reply]").First;
        await Assertions.Expect(reply).Not.ToContainTextAsync("Ravi");
        await reply.GetByRole(AriaRole.Button, new() { Name = "Thank A colleague", Exact = true }).ClickAsync();
        await detail.GetByLabel("Message (optional)").FillAsync("Thanks for the quick answer!");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Send thanks", Exact = true }).ClickAsync();
        await Assertions.Expect(detail.GetByTestId("thanked")).ToBeVisibleAsync();

        // At least the kudos (its points may also bring a level or a top-10 place, each a notification of its own).
        await Assertions.Expect(bell).Not.ToHaveAttributeAsync("data-unread", unreadBefore.ToString(CultureInfo.InvariantCulture),
            new() { Timeout = 30_000 });
        Assert.True(int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0", CultureInfo.InvariantCulture) > unreadBefore);
        await bell.ClickAsync();
        var kudos = ravi.Locator("[data-testid=notification][data-type=kudos]").First;
        await Assertions.Expect(kudos).ToContainTextAsync("Thanks for the quick answer!");
        await Assertions.Expect(kudos).ToHaveAttributeAsync("data-read", "false");
        await ravi.GetByRole(AriaRole.Button, new() { Name = "Mark all read", Exact = true }).ClickAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", "0");
        await Assertions.Expect(kudos).ToHaveAttributeAsync("data-read", "true");
    }
}
