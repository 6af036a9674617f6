using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

/// <summary>Issue 13 items 3 and 5 in the browser: the admin edits the return model and the benchmarks document in the
/// admin area; a bad value shows beside its field and changes nothing; a stale version reloads the current one; an old
/// version is opened from the history, compared with the one in force and restored.</summary>
public sealed class AnalyticsModelUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 30_000 };

    private async Task<IPage> OpenAnalyticsModel()
    {
        var admin = await browser.SignedInPage(ApiClient.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Administration sections", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = "Analytics model", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Analytics model", Level = 1 })).ToBeVisibleAsync(Slow);
        return admin;
    }

    [Fact]
    public async Task The_admin_saves_a_new_hourly_cost_and_a_negative_one_shows_its_error_and_changes_nothing()
    {
        var api = await browser.Server.SignedIn(ApiClient.Admin);
        var before = await api.GetJson("/api/analytics/return-model");
        var version = before.GetProperty("version").GetInt32();

        var admin = await OpenAnalyticsModel();
        var section = admin.GetByTestId("return-model");
        await Assertions.Expect(section.GetByTestId("return-model-version"))
            .ToHaveAttributeAsync("data-version", version.ToString(CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        var cost = admin.GetByLabel("Loaded hourly cost", new() { Exact = true });
        await Assertions.Expect(cost).ToBeEnabledAsync();
        Assert.Equal(before.GetProperty("hourlyCost").GetDecimal(), decimal.Parse(await cost.InputValueAsync(), CultureInfo.InvariantCulture));
        var save = admin.GetByRole(AriaRole.Button, new() { Name = "Save the return model", Exact = true });

        await cost.FillAsync("71.25");
        await save.ClickAsync();
        var next = version + 1;
        await Assertions.Expect(section.GetByTestId("return-model-status"))
            .ToHaveTextAsync($"The return model is saved as version {next}.", new() { Timeout = 30_000 });
        var saved = await api.GetJson("/api/analytics/return-model");
        Assert.Equal(next, saved.GetProperty("version").GetInt32());
        Assert.Equal(71.25m, saved.GetProperty("hourlyCost").GetDecimal());
        await Assertions.Expect(section.GetByTestId("return-model-version")).ToHaveAttributeAsync("data-version", next.ToString(CultureInfo.InvariantCulture));

        // A negative cost: the server's message beside the field, tied to it, and nothing stored.
        await cost.FillAsync("-5");
        await save.ClickAsync();
        var field = section.Locator("[data-field='hourlyCost']");
        await Assertions.Expect(field.GetByTestId("field-error")).ToHaveTextAsync("Must be between 0 and 10000.", new() { Timeout = 30_000 });
        await Assertions.Expect(cost).ToHaveAttributeAsync("aria-invalid", "true");
        var errorId = await field.GetByTestId("field-error").GetAttributeAsync("id");
        await Assertions.Expect(cost).ToHaveAttributeAsync("aria-describedby", errorId!);
        await Assertions.Expect(section.GetByTestId("return-model-alert")).ToContainTextAsync("Nothing was saved");
        var after = await api.GetJson("/api/analytics/return-model");
        Assert.Equal(next, after.GetProperty("version").GetInt32());
        Assert.Equal(71.25m, after.GetProperty("hourlyCost").GetDecimal());
    }

    [Fact]
    public async Task The_admin_assigns_a_departments_function_and_a_stale_version_reloads_the_current_document()
    {
        var api = await browser.Server.SignedIn(ApiClient.Admin);
        var marketing = (await api.GetJson("/api/departments")).EnumerateArray()
            .First(d => d.GetProperty("name").GetString() == "Marketing").GetProperty("id").GetString()!;
        var version = (await api.GetJson("/api/analytics/benchmarks")).GetProperty("version").GetInt32();

        var admin = await OpenAnalyticsModel();
        var section = admin.GetByTestId("benchmarks");
        await Assertions.Expect(section.GetByTestId("benchmarks-version"))
            .ToHaveAttributeAsync("data-version", version.ToString(CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        // The shipped study is there with its figures as percentages.
        var rd = section.Locator("[data-testid=figure-row][data-figure-id='tcs2013.readRate.rd']");
        await Assertions.Expect(rd.GetByRole(AriaRole.Spinbutton)).ToHaveValueAsync("27");

        var function = admin.GetByLabel("Function of Marketing", new() { Exact = true });
        await Assertions.Expect(function).ToBeEnabledAsync();
        var save = admin.GetByRole(AriaRole.Button, new() { Name = "Save the benchmarks", Exact = true });

        // 270% is no share: the message shows in that figure's value cell and nothing is stored.
        var rdValue = rd.GetByRole(AriaRole.Spinbutton);
        await rdValue.FillAsync("270");
        await save.ClickAsync();
        await Assertions.Expect(rd.Locator("[data-field$='.value']").GetByTestId("field-error"))
            .ToContainTextAsync("share from 0 to 1", new() { Timeout = 30_000 });
        await Assertions.Expect(rdValue).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(version, (await api.GetJson("/api/analytics/benchmarks")).GetProperty("version").GetInt32());
        await rdValue.FillAsync("27");
        await function.SelectOptionAsync("marketing");
        await save.ClickAsync();
        var next = version + 1;
        await Assertions.Expect(section.GetByTestId("benchmarks-status"))
            .ToHaveTextAsync($"The benchmarks are saved as version {next}.", new() { Timeout = 30_000 });
        var saved = await api.GetJson("/api/analytics/benchmarks");
        Assert.Equal(next, saved.GetProperty("version").GetInt32());
        Assert.Contains(saved.GetProperty("departmentFunctions").EnumerateArray(),
            a => a.GetProperty("departmentId").GetString() == marketing && a.GetProperty("function").GetString() == "marketing");

        // Another admin changes the document meanwhile: this page's save is refused and shows the current document.
        var other = JsonNode.Parse(saved.GetRawText())!.AsObject();
        other["departmentFunctions"] = JsonNode.Parse($$"""[{"departmentId":"{{marketing}}","function":"sales"}]""");
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/admin/analytics/benchmarks", other)).StatusCode);
        await function.SelectOptionAsync("service");
        await save.ClickAsync();
        await Assertions.Expect(section.GetByTestId("benchmarks-alert")).ToContainTextAsync("changed this meanwhile", new() { Timeout = 30_000 });
        await Assertions.Expect(function).ToHaveValueAsync("sales");
        await Assertions.Expect(section.GetByTestId("benchmarks-version"))
            .ToHaveAttributeAsync("data-version", (next + 1).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(next + 1, (await api.GetJson("/api/analytics/benchmarks")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_admin_changes_a_figure_sees_the_new_version_in_the_history_and_restores_the_shipped_one()
    {
        var api = await browser.Server.SignedIn(ApiClient.Admin);
        // Other tests of this class edit the document too: versions are counted from the one in force now.
        var version = (await api.GetJson("/api/analytics/benchmarks")).GetProperty("version").GetInt32();
        var shippedRd = (await api.GetJson("/api/admin/analytics/benchmarks/versions/1")).GetProperty("studies").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == "tcs2013").GetProperty("figures")
            .EnumerateArray().Single(f => f.GetProperty("id").GetString() == "tcs2013.readRate.rd").GetProperty("value").GetDouble();

        var admin = await OpenAnalyticsModel();
        var section = admin.GetByTestId("benchmarks");
        await Assertions.Expect(section.GetByTestId("benchmarks-version"))
            .ToHaveAttributeAsync("data-version", version.ToString(CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        var rdValue = section.Locator("[data-testid=figure-row][data-figure-id='tcs2013.readRate.rd']").GetByRole(AriaRole.Spinbutton);
        await Assertions.Expect(rdValue).ToBeEnabledAsync();
        await rdValue.FillAsync("33");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save the benchmarks", Exact = true }).ClickAsync();
        var next = version + 1;
        await Assertions.Expect(section.GetByTestId("benchmarks-status"))
            .ToHaveTextAsync($"The benchmarks are saved as version {next}.", new() { Timeout = 30_000 });

        // The history lists the new version first, by this admin, and the shipped one last.
        var history = section.GetByTestId("benchmarks-history");
        await Assertions.Expect(history.GetByRole(AriaRole.Heading, new() { Name = "History", Level = 3 })).ToBeVisibleAsync();
        var table = history.GetByRole(AriaRole.Table, new() { Name = "Versions of the benchmarks", Exact = true });
        var rows = table.GetByTestId("version-row");
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-version", next.ToString(CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        await Assertions.Expect(rows.First).ToContainTextAsync(ApiClient.Admin);
        await Assertions.Expect(rows.First).ToContainTextAsync("in force");
        var first = table.Locator("[data-testid=version-row][data-version='1']");
        await Assertions.Expect(first).ToContainTextAsync("Shipped with GamifyHub");

        // Version 1, read-only, compared with the one in force: the R&D figure was 27%, is 33%.
        await history.GetByRole(AriaRole.Button, new() { Name = "Show version 1", Exact = true }).ClickAsync();
        var opened = history.GetByTestId("benchmarks-version");
        var openedHeading = opened.GetByRole(AriaRole.Heading, new() { Name = "Version 1 (read-only)", Level = 4 });
        await Assertions.Expect(openedHeading).ToBeVisibleAsync(Slow);
        await Assertions.Expect(openedHeading).ToBeFocusedAsync();
        var change = opened.Locator("[data-testid=version-change][data-path='studies[tcs2013].figures[tcs2013.readRate.rd].value']");
        await Assertions.Expect(change.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["27%", "33%"]);
        Assert.Equal(0, await opened.Locator("input, textarea, select").CountAsync());

        // Restoring fills the form only; saving it is an ordinary edit that makes the next version.
        await opened.GetByRole(AriaRole.Button, new() { Name = "Restore this version", Exact = true }).ClickAsync();
        await Assertions.Expect(history.GetByTestId("benchmarks-history-status")).ToContainTextAsync("Version 1 is now in the form above");
        await Assertions.Expect(rdValue).ToHaveValueAsync("27");
        Assert.Equal(next, (await api.GetJson("/api/analytics/benchmarks")).GetProperty("version").GetInt32());
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save the benchmarks", Exact = true }).ClickAsync();
        await Assertions.Expect(section.GetByTestId("benchmarks-status"))
            .ToHaveTextAsync($"The benchmarks are saved as version {next + 1}.", new() { Timeout = 30_000 });
        var restored = await api.GetJson("/api/analytics/benchmarks");
        Assert.Equal(next + 1, restored.GetProperty("version").GetInt32());
        Assert.Equal(shippedRd, restored.GetProperty("studies").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "tcs2013")
            .GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "tcs2013.readRate.rd").GetProperty("value").GetDouble());
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-version", (next + 1).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(history.GetByTestId("benchmarks-history-status")).ToBeEmptyAsync();
    }
}
