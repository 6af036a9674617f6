using System.Net;
using System.Net.Http.Json;
using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

/// <summary>Change password in the me panel; an admin's reset link sets a new one on the anonymous reset page.</summary>
public sealed class PasswordUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NewPassword = "lena picks a long pass phrase";

    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task Lena_changes_her_password_in_the_me_panel_stays_signed_in_and_her_other_browser_is_signed_out()
    {
        var other = await browser.SignedInPage(ApiClient.Lena);
        var lena = await browser.SignedInPage(ApiClient.Lena);
        var form = lena.GetByTestId("change-password");
        await form.GetByText("Change password", new() { Exact = true }).First.ClickAsync();

        await form.GetByLabel("Current password", new() { Exact = true }).FillAsync("not my password at all");
        await form.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await form.GetByLabel("New password again", new() { Exact = true }).FillAsync(NewPassword);
        await form.GetByRole(AriaRole.Button, new() { Name = "Change password", Exact = true }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("current password is wrong", new() { Timeout = 30_000 });

        await form.GetByLabel("Current password", new() { Exact = true }).FillAsync(ApiClient.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Change password", Exact = true }).ClickAsync();
        await Assertions.Expect(form.GetByTestId("password-changed")).ToContainTextAsync("signed out everywhere else", new() { Timeout = 30_000 });

        // This browser keeps its (renewed) sign-in; the other one is asked to sign in again at its next request.
        await lena.ReloadAsync();
        await Assertions.Expect(lena.GetByTestId("me-panel")).ToBeVisibleAsync(Slow);
        await other.ReloadAsync();
        await Assertions.Expect(other.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync(Slow);

        var client = browser.Server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Lena, password = ApiClient.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Lena, password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task An_admin_hands_over_a_reset_link_and_the_person_sets_a_password_of_their_own()
    {
        var admin = await browser.SignedInPage(ApiClient.Admin);
        await admin.GotoAsync("/#/admin/people");
        var people = admin.GetByTestId("people-admin");
        var row = people.Locator($"[data-testid=person-row][data-email='{ApiClient.Ravi}']");
        await row.GetByTestId("person-reset-password").ClickAsync();
        var link = await people.GetByTestId("reset-link").InputValueAsync();
        Assert.Contains("#/reset-password?email=", link);

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var ravi = await context.NewPageAsync();
        await ravi.GotoAsync(link);
        var page = ravi.GetByTestId("reset-password");
        await Assertions.Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync(ApiClient.Ravi, new() { Timeout = 30_000 });
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("ravi's own long pass phrase");
        await page.GetByLabel("New password again", new() { Exact = true }).FillAsync("ravi's own long pass phrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-done")).ToBeVisibleAsync(Slow);

        var client = browser.Server.CreateClient();
        Assert.Equal(HttpStatusCode.OK,
            (await client.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.Ravi, password = "ravi's own long pass phrase" })).StatusCode);
    }
}
