using System.Net.Http.Json;
using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

/// <summary>Topics and products: chips on inbox cards, and the admin's taxonomy editor feeding the routing rules' pickers.</summary>
public sealed class TopicsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task An_inbox_card_shows_the_items_topics_and_products_as_chips()
    {
        var response = await browser.Server.WithApiKey().PostAsJsonAsync("/api/feedback", new
        {
            channel = "x", externalId = $"topic-{Guid.NewGuid():N}", author = "@chips", text = "My Nimbus Watch crashes on start, please fix",
        });
        response.EnsureSuccessStatusCode();
        var id = (await response.Json()).GetProperty("id").GetString()!;

        var page = await browser.SignedInPage(ApiClient.Ravi);
        var card = page.Locator($"[data-testid=feedback-item][data-id='{id}']");
        await Assertions.Expect(card).ToBeVisibleAsync(Slow);
        await Assertions.Expect(card.GetByTestId("feedback-topics")).ToHaveTextAsync("Crashes & bugs");
        await Assertions.Expect(card.GetByTestId("feedback-products")).ToHaveTextAsync("Nimbus Watch");
    }

    [Fact]
    public async Task The_admin_adds_a_topic_picks_it_on_a_routing_rule_and_new_feedback_is_routed_by_it()
    {
        var admin = await browser.SignedInPage(ApiClient.Admin);
        await admin.GotoAsync(new Uri(browser.BaseAddress, "/#/admin").ToString());
        await admin.GetByTestId("admin-tab-triage").ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Topics and products", Exact = true })).ToBeVisibleAsync(Slow);

        var topics = admin.GetByTestId("taxonomy-topics");
        var count = await topics.GetByTestId("taxonomy-topic").CountAsync();
        await topics.GetByRole(AriaRole.Button, new() { Name = "Add a topic", Exact = true }).ClickAsync();
        await admin.GetByLabel($"Topic {count + 1}: Name", new() { Exact = true }).FillAsync("Kettles");
        await admin.GetByLabel($"Topic {count + 1}: Keywords", new() { Exact = true }).FillAsync("kettle, wasserkocher");
        await admin.GetByTestId("taxonomy-save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("taxonomy-form").GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");

        // The new topic is offered on the routing rules; the last demo rule (Operations & Logistics) takes it.
        var kettles = admin.GetByTestId("routing-rule").Last.GetByTestId("routing-rule-topics").GetByLabel("Kettles", new() { Exact = true });
        await Assertions.Expect(kettles).ToBeVisibleAsync();
        await kettles.CheckAsync();
        await admin.GetByTestId("routing-save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("routing-form").GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");

        var response = await browser.Server.WithApiKey().PostAsJsonAsync("/api/feedback", new
        {
            channel = "blog", externalId = $"kettle-{Guid.NewGuid():N}", text = "Mein Wasserkocher tropft",
        });
        response.EnsureSuccessStatusCode();
        var departments = (await response.Json()).GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("name").GetString());
        Assert.Equal(["Operations & Logistics"], departments);
    }
}
