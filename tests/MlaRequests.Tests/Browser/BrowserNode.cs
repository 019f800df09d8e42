using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Browser;

/// <summary>
/// The KZ node on a real Kestrel server on 127.0.0.1 (a browser cannot reach WebApplicationFactory's
/// TestServer), with the API fixture's fake clock and helpers, and headless Debian Chromium driven by Playwright.
/// </summary>
public sealed class BrowserNode : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package installs the browser (scripts/test.sh installs it when missing).</summary>
    public const string Chromium = "/usr/bin/chromium";

    IPlaywright? _playwright;

    public ApiNode Api { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium package (apt-get install -y chromium).");
        Api.Node.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Api.Node.StartServer();
        BaseUrl = Api.Node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await Api.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser session (own cookies) signed in as <paramref name="user"/> through the sign-in page.</summary>
    public async Task<IPage> SignedIn(string user, string language = "en")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = language, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("input[name=UserName]", user);
        await page.FillAsync("input[name=Password]", "Demo!2026");
        await page.ClickAsync("form button.primary");
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync(user);
        return page;
    }

    /// <summary>
    /// Where screenshots go: <c>docs/screenshots/</c> (the README's pictures) only when <c>MLA_UPDATE_SCREENSHOTS=1</c>,
    /// otherwise a folder under the temp directory, so an ordinary test run leaves the work tree clean.
    /// </summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("MLA_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(Repository.Root, "docs", "screenshots")
        : Path.Combine(Path.GetTempPath(), "mlarequests-tests", "screenshots");

    /// <summary>Saves a full-page screenshot named <paramref name="name"/> in <see cref="ScreenshotDirectory"/>.</summary>
    public static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Api.DisposeAsync();
    }
}
