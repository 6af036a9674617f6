using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

/// <summary>Admin → People: a person the admin adds signs in at once, and becomes a manager without signing in again.</summary>
public sealed class PeopleAdminUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_admin_adds_a_person_who_signs_in_and_sees_manager_features_once_made_a_manager()
    {
        var email = $"nora.{Guid.NewGuid().ToString("N")[..8]}@example.test";
        const string password = "a long and memorable pass phrase";

        var admin = await browser.SignedInPage(ApiClient.Admin);
        await admin.GotoAsync("/#/admin/people");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "People", Exact = true })).ToBeVisibleAsync(Slow);
        var create = admin.GetByTestId("person-create-form");
        await create.GetByLabel("Name", new() { Exact = true }).FillAsync("Nora Neu");
        await create.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await create.GetByLabel("Department", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Sales" });
        await Assertions.Expect(create.GetByRole(AriaRole.Checkbox, new() { Name = "Employee", Exact = true })).ToBeCheckedAsync();
        await create.GetByLabel("Initial password", new() { Exact = true }).FillAsync(password);
        await create.GetByRole(AriaRole.Button, new() { Name = "Add person", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("people-status")).ToHaveTextAsync("Nora Neu can sign in now.", new() { Timeout = 30_000 });
        var row = admin.Locator($"[data-testid=person-row][data-email='{email}']");
        await Assertions.Expect(row).ToContainTextAsync("Sales");

        // The new person, in a browser of their own.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseAddress.ToString(), Locale = "en-US" });
        var nora = await context.NewPageAsync();
        await nora.GotoAsync("/");
        await nora.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await nora.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await nora.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(nora.GetByTestId("me-panel")).ToBeVisibleAsync(Slow);
        await nora.GotoAsync("/#/challenges");
        await Assertions.Expect(nora.GetByRole(AriaRole.Heading, new() { Name = "Challenges" }).First).ToBeVisibleAsync(Slow);
        await Assertions.Expect(nora.GetByText("New challenge", new() { Exact = true })).ToHaveCountAsync(0);

        // The admin makes her a manager of Sales.
        await row.GetByTestId("person-edit").ClickAsync();
        var edit = admin.GetByTestId("person-edit-form");
        await edit.GetByRole(AriaRole.Checkbox, new() { Name = "Manager", Exact = true }).CheckAsync();
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("people-status")).ToHaveTextAsync("Saved.", new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("Manager");

        // Same sign-in (no new password entry): on the next load she has the manager's tools.
        await nora.ReloadAsync();
        await Assertions.Expect(nora.GetByText("New challenge", new() { Exact = true })).ToBeVisibleAsync(Slow);
        await context.CloseAsync();
    }
}
