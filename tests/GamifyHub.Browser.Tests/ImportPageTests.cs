using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

/// <summary>The admin's Import page: upload a file, see the counts and the rows that were not stored.</summary>
public sealed class ImportPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_uploads_a_csv_with_one_bad_row_and_sees_the_summary_and_that_rows_error()
    {
        var p = $"ui-{Guid.NewGuid():N}-";
        var csv = $"""
            channel,externalId,author,text
            facebook,{p}1,@kim,The app crashes when I open the camera.
            myspace,{p}2,@eve,This channel does not exist.
            x,{p}3,@ann,Love the new speaker!
            """;
        var admin = await browser.SignedInPage(ApiClient.Admin);
        await admin.GotoAsync(new Uri(browser.BaseAddress, "/#/admin").ToString());
        await admin.GetByTestId("admin-tab-import").ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Import feedback", Exact = true })).ToBeVisibleAsync();

        await admin.GetByLabel("File (.csv or .jsonl)").SetInputFilesAsync(new FilePayload
        {
            Name = "feedback.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        var summary = admin.GetByTestId("import-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(admin.GetByTestId("import-rowsRead")).ToContainTextAsync("3");
        await Assertions.Expect(admin.GetByTestId("import-stored")).ToContainTextAsync("2");
        await Assertions.Expect(admin.GetByTestId("import-rejected")).ToContainTextAsync("1");
        var row = admin.GetByTestId("import-error-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-row", "3");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-field", "channel");
        await Assertions.Expect(row).ToContainTextAsync("'channel' must be one of");
        await Assertions.Expect(admin.GetByTestId("import-report-link")).ToBeVisibleAsync();

        var probe = new DatabaseProbe(browser.Server.DatabasePath);
        Assert.Equal(2, await probe.Scalar<long>($"SELECT count(*) FROM FeedbackItems WHERE ExternalId LIKE '{p}%'"));
    }
}
