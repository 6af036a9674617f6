using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

/// <summary>The admin's rule editor and flag list, and that nobody else gets in.</summary>
public sealed class AdminAreaTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 30_000 };

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> Read(HttpClient employee, int dwellSeconds)
    {
        var item = await employee.FirstOpenItem();
        var response = await employee.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "read", dwellSeconds });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Json()).GetProperty("eventId").GetString()!;
    }

    [Fact]
    public async Task The_admin_doubles_read_points_previews_the_gain_sees_a_bad_cap_next_to_its_field_and_applies_a_new_version()
    {
        // Ravi has read an item, so doubling the points for a read gives him more.
        var ravi = await browser.Server.SignedIn(ApiClient.Ravi);
        var raviId = (await ravi.GetJson("/api/me")).GetProperty("employeeId").GetString()!;
        await Read(ravi, dwellSeconds: 120);

        var admin = await browser.SignedInPage(ApiClient.Admin);
        var nav = admin.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true });
        await nav.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Scoring rules", Exact = true })).ToBeVisibleAsync();
        var version = admin.GetByTestId("rules-version");
        await Assertions.Expect(version).ToBeVisibleAsync();
        var before = int.Parse(await version.GetAttributeAsync("data-version") ?? "", CultureInfo.InvariantCulture);
        // The two resolve rules say when each pays: after a reply (closed the loop) or without one.
        await Assertions.Expect(admin.Locator("[data-testid=rule-row][data-rule-id='resolve']"))
            .ToContainTextAsync("Only when someone replied to the customer before");
        await Assertions.Expect(admin.Locator("[data-testid=rule-row][data-rule-id='resolve-unanswered']"))
            .ToContainTextAsync("Only when nobody replied to the customer");

        var readPoints = admin.GetByLabel("Points for read", new() { Exact = true });
        var doubled = Text(int.Parse(await readPoints.InputValueAsync(), CultureInfo.InvariantCulture) * 2);
        await readPoints.FillAsync(doubled);
        var preview = admin.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true });
        var apply = admin.GetByRole(AriaRole.Button, new() { Name = "Apply…", Exact = true });
        await Assertions.Expect(apply).ToBeDisabledAsync();
        await preview.ClickAsync();

        var raviRow = admin.Locator($"[data-testid=diff-row][data-employee-id='{raviId}']");
        await Assertions.Expect(raviRow).ToBeVisibleAsync(Slow);
        await Assertions.Expect(raviRow.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Ravi Patel");
        await Assertions.Expect(raviRow).ToContainTextAsync("Research & Development");
        Assert.True(long.Parse(await raviRow.GetAttributeAsync("data-delta") ?? "0", CultureInfo.InvariantCulture) > 0);
        await Assertions.Expect(raviRow.GetByTestId("diff-delta")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\+\d"));
        await Assertions.Expect(admin.GetByTestId("diff-table").GetByRole(AriaRole.Columnheader, new() { Name = "Change" }))
            .ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(apply).ToBeEnabledAsync();

        // A negative cap: the validator's message shows next to that field, and nothing can be applied.
        var cap = admin.GetByLabel("Daily cap: Listening", new() { Exact = true });
        var capValue = await cap.InputValueAsync();
        await cap.FillAsync("-5");
        await Assertions.Expect(apply).ToBeDisabledAsync();
        await preview.ClickAsync();
        var capField = admin.Locator("[data-field='limits.dailyCap[listening]']");
        await Assertions.Expect(capField.GetByTestId("field-error")).ToContainTextAsync("must not be negative", new() { Timeout = 30_000 });
        await Assertions.Expect(cap).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(admin.GetByTestId("rules-errors")).ToContainTextAsync("Limits.DailyCap[Listening]");
        await Assertions.Expect(raviRow).ToHaveCountAsync(0);
        await Assertions.Expect(apply).ToBeDisabledAsync();

        // Corrected and previewed again: Apply asks first, then the next version is in force.
        await cap.FillAsync(capValue);
        await preview.ClickAsync();
        await Assertions.Expect(raviRow).ToBeVisibleAsync(Slow);
        await Assertions.Expect(capField.GetByTestId("field-error")).ToHaveCountAsync(0);
        await Assertions.Expect(apply).ToBeEnabledAsync();
        await apply.ClickAsync();
        var next = Text(before + 1);
        var dialog = admin.GetByRole(AriaRole.Alertdialog, new() { Name = "Apply the new rules?", Exact = true });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Apply as version {next}", Exact = true }).ClickAsync();

        await Assertions.Expect(admin.GetByTestId("rules-applied")).ToHaveTextAsync($"Version {next} is now in force.", new() { Timeout = 60_000 });
        await Assertions.Expect(version).ToHaveAttributeAsync("data-version", next);
        await Assertions.Expect(version).ToHaveTextAsync($"Version {next} is in force");
        await Assertions.Expect(readPoints).ToHaveValueAsync(doubled);
        await Assertions.Expect(apply).ToBeDisabledAsync();
        var newest = admin.GetByTestId("history-row").First;
        await Assertions.Expect(newest).ToHaveAttributeAsync("data-kind", "apply");
        await Assertions.Expect(newest).ToHaveAttributeAsync("data-version", next);
        await Assertions.Expect(newest).ToContainTextAsync(ApiClient.Admin);

        // The apply is in the audit log too, with who did it; the area filter narrows the log to rule changes.
        await admin.GetByTestId("admin-tab-audit").ClickAsync();
        await admin.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Rules and rescoring" });
        var applied = admin.GetByTestId("audit-entry").First;
        await Assertions.Expect(applied).ToHaveAttributeAsync("data-action", "rules.applied");
        await Assertions.Expect(applied).ToContainTextAsync(ApiClient.Admin);
        await Assertions.Expect(applied).ToContainTextAsync($"version {next}");
        foreach (var action in await admin.GetByTestId("audit-entry").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)"))
        {
            Assert.StartsWith("rules.", action);
        }
    }

    [Fact]
    public async Task The_admin_finds_a_fast_read_among_the_flags_and_narrows_them_to_one_employee()
    {
        var sofia = await browser.Server.SignedIn(ApiClient.Sofia);
        var sofiaId = (await sofia.GetJson("/api/me")).GetProperty("employeeId").GetString()!;
        var fastRead = await Read(sofia, dwellSeconds: 1);

        var admin = await browser.SignedInPage(ApiClient.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Administration sections", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = "Flags", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Anti-gaming flags", Exact = true })).ToBeVisibleAsync();

        var row = admin.Locator($"[data-testid=flag-row][data-event-id='{fastRead}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Read too fast");
        await Assertions.Expect(row).ToContainTextAsync("Sofia Rossi");
        await Assertions.Expect(row).ToContainTextAsync("Customer Service");

        var kind = admin.GetByLabel("Flag", new() { Exact = true });
        await kind.SelectOptionAsync("burst");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await kind.SelectOptionAsync("read-too-fast");
        await Assertions.Expect(row).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Show only the flags of Sofia Rossi", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("flags-employee-filter")).ToHaveAttributeAsync("data-employee-id", sofiaId);
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator($"[data-testid=flag-row]:not([data-employee-id='{sofiaId}'])")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_advanced_editor_holds_the_whole_document_and_shows_errors_the_form_has_no_field_for_by_path()
    {
        var admin = await browser.SignedInPage(ApiClient.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await admin.GetByLabel("Points for reply", new() { Exact = true }).FillAsync("7");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Advanced (JSON)", Exact = true }).ClickAsync();

        var json = admin.GetByLabel("Rule set document (JSON)", new() { Exact = true });
        await Assertions.Expect(json).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"badges\""));
        var text = await json.InputValueAsync();
        Assert.Contains("\"points\": 7", text, StringComparison.Ordinal);

        await json.FillAsync("{ not json");
        await Assertions.Expect(admin.GetByTestId("field-error")).ToContainTextAsync("This is not a rule set document");
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Form", Exact = true })).ToBeDisabledAsync();

        // A badge without a name: the form has no field for it, so the error names its path.
        var firstBadgeName = text.IndexOf("\"name\": \"", StringComparison.Ordinal);
        var end = text.IndexOf('"', firstBadgeName + 9);
        await json.FillAsync(text[..(firstBadgeName + 9)] + text[end..]);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("rules-errors")).ToContainTextAsync("Badges[0].Name", new() { Timeout = 30_000 });

        // Back in the form, the edit made before is still there.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Form", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByLabel("Points for reply", new() { Exact = true })).ToHaveValueAsync("7");
    }

    [Theory]
    [InlineData(ApiClient.Sofia)]
    [InlineData(ApiClient.Lena)]
    public async Task Employees_and_managers_see_no_Admin_link_and_are_not_allowed_on_admin_addresses(string email)
    {
        var page = await browser.SignedInPage(email);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Leaderboard", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToHaveCountAsync(0);

        foreach (var address in new[] { "/#/admin/rules", "/#/admin/flags" })
        {
            await page.GotoAsync(address);
            var notAllowed = page.GetByTestId("not-allowed");
            await Assertions.Expect(notAllowed).ToBeVisibleAsync();
            await Assertions.Expect(notAllowed.GetByRole(AriaRole.Heading, new() { Name = "Not allowed", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("rules-form")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("flags-table")).ToHaveCountAsync(0);
        }
    }
}
