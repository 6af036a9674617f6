using GamifyHub.Testing;
using Microsoft.Playwright;

namespace GamifyHub.Browser.Tests;

/// <summary>
/// The real server on a loopback port, its built web client, and Debian's Chromium driven by Playwright
/// (Playwright cannot download its own browsers here).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public GamifyHubFactory Server { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing; the test command installs Debian's chromium package.");
        }

        BaseAddress = Server.StartOnLoopback();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromium(_playwright);
    }

    /// <summary>Debian's Chromium, headless, as every browser test runs it.</summary>
    public static Task<IBrowser> LaunchChromium(IPlaywright playwright)
    {
        // Expectations are condition waits: Playwright's 5 s default ran out on a CI machine with a load average of 40.
        Assertions.SetDefaultExpectTimeout(20_000);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <param name="prepare">Runs on the new context before the first page loads (e.g. init scripts that watch the page).</param>
    public async Task<IPage> SignedInPage(string email, Func<IBrowserContext, Task>? prepare = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "en-US" });
        if (prepare is not null)
        {
            await prepare(context);
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByTestId("me-panel").WaitForAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
