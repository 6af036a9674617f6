using System.Net.Http.Json;
using System.Text.Json;
using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

public sealed class YourDataTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sofia_downloads_her_data_from_the_me_panel_then_erases_herself_and_is_signed_out()
    {
        var sofia = await browser.SignedInPage(ApiClient.Sofia);
        var section = sofia.GetByTestId("your-data");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Your data" })).ToBeVisibleAsync();

        var download = await sofia.RunAndWaitForDownloadAsync(() =>
            section.GetByRole(AriaRole.Link, new() { Name = "Download my data", Exact = true }).ClickAsync());
        Assert.EndsWith(".json", download.SuggestedFilename);
        var export = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)).RootElement;
        Assert.Equal(ApiClient.Sofia, export.GetProperty("profile").GetProperty("email").GetString());

        // A wrong confirmation word is caught before anything is sent; then the real erasure signs her out.
        await section.GetByText("Erase my data", new() { Exact = true }).ClickAsync();
        await section.GetByLabel("Type ERASE to confirm").FillAsync("erase");
        await section.GetByLabel("Your password").FillAsync(ApiClient.Password);
        await section.GetByRole(AriaRole.Button, new() { Name = "Erase me", Exact = true }).ClickAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Alert)).ToContainTextAsync("Type ERASE exactly");
        await section.GetByLabel("Type ERASE to confirm").FillAsync("ERASE");
        await section.GetByRole(AriaRole.Button, new() { Name = "Erase me", Exact = true }).ClickAsync();

        await Assertions.Expect(sofia.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        var login = await browser.Server.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Sofia, password = ApiClient.Password });
        Assert.False(login.IsSuccessStatusCode);
    }

    [Fact]
    public async Task An_admin_sets_retention_in_the_admin_area_and_sees_it_in_the_history()
    {
        var admin = await browser.SignedInPage(ApiClient.Admin);
        await admin.GotoAsync("/#/admin/retention");
        var page = admin.GetByTestId("retention");
        await page.GetByLabel("Months to keep").FillAsync("24");
        await page.GetByLabel("Anonymize (totals stay)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.GetByTestId("retention-history")).ToContainTextAsync("24 months");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Done:");
    }
}
