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
    IPlaywright? _playwright;

    public ApiNode Api { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api.Node.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Api.Node.StartServer();
        BaseUrl = Api.Node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await Api.InitializeAsync();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A fresh browser session (own cookies) signed in as <paramref name="user"/> through the sign-in page.</summary>
    public Task<IPage> SignedIn(string user, string language = "en") => Chromium.SignedIn(Browser, BaseUrl, user, language);

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
