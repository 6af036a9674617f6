using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

/// <summary>
/// The wallboard on a real server process: it signs in with a wallboard token, and when the server is killed and started
/// again on the same address it reconnects by itself, watches the board again and shows live changes — no reload.
/// </summary>
public sealed class WallboardReconnectTests : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(TempDatabase.NewPath(),
            $"--WebClient:Path={Path.Combine(ServerProcess.RepositoryRoot, "web", "dist")}", "--Sla:NotifierEnabled=false");
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchChromium(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<HttpClient> SignedIn(string email)
    {
        var client = new HttpClient { BaseAddress = _server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiClient.TokenFor(client, email));
        return client;
    }

    [Fact]
    public async Task The_wallboard_reconnects_after_a_server_restart_and_shows_live_changes_again()
    {
        using var admin = await SignedIn(ApiClient.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = "Lobby TV" })).Json();
        var token = created.GetProperty("token").GetString()!;
        using var raviBefore = await SignedIn(ApiClient.Ravi);
        var rnd = (await raviBefore.GetJson("/api/me")).GetProperty("departmentId").GetString()!;

        var context = await _browser.NewContextAsync(new() { BaseURL = _server.BaseAddress.ToString(), Locale = "en-US" });
        var page = await context.NewPageAsync();
        // A long rotation keeps the board on screen for the whole test.
        await page.GotoAsync($"/#/wallboard?token={token}&rotate=600");
        var status = page.GetByTestId("wallboard-status");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "connected", new() { Timeout = 30_000 });
        var row = page.Locator($"[data-testid=wallboard-row][data-member-id='{rnd}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await _server.RestartAfterKillOnSamePortAsync();

        // It noticed the loss and came back by itself, on the same page.
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "connected", new() { Timeout = 90_000 });
        await Assertions.Expect(row).ToBeVisibleAsync();
        var before = long.Parse(await row.GetAttributeAsync("data-score") ?? "0", CultureInfo.InvariantCulture);

        // A change after the restart reaches the board live: the wallboard is watching again.
        using var ravi = await SignedIn(ApiClient.Ravi);
        var item = await ravi.FirstOpenItem(i => i.GetProperty("replyCount").GetInt32() == 0);
        var answer = await (await ravi.PostAsJsonAsync($"/api/feedback/{item}/actions", new { type = "reply", text = "On it!" })).Json();
        var earned = answer.GetProperty("points").GetInt64();
        Assert.True(earned > 0);

        await Assertions.Expect(row).ToHaveAttributeAsync("data-score", (before + earned).ToString(CultureInfo.InvariantCulture),
            new() { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the wallboard page was reloaded");
    }

    [Fact]
    public async Task A_revoked_token_shows_a_clear_message()
    {
        using var admin = await SignedIn(ApiClient.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/admin/wallboard-tokens", new { name = "Old screen" })).Json();
        await admin.DeleteAsync($"/api/admin/wallboard-tokens/{created.GetProperty("id").GetString()}");

        var context = await _browser.NewContextAsync(new() { BaseURL = _server.BaseAddress.ToString(), Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/wallboard?token={created.GetProperty("token").GetString()}");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("revoked");
    }
}
