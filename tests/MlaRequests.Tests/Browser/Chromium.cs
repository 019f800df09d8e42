using Microsoft.Playwright;

namespace MlaRequests.Tests.Browser;

/// <summary>Headless Debian Chromium driven by Playwright, and a signed-in session on any node's web UI.</summary>
public static class Chromium
{
    /// <summary>Where Debian's chromium package installs the browser (scripts/test.sh installs it when missing).</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Starts Playwright and the browser.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium package (apt-get install -y chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>A fresh browser session (own cookies) on <paramref name="baseUrl"/>, signed in as <paramref name="user"/> through the sign-in page.</summary>
    public static async Task<IPage> SignedIn(IBrowser browser, string baseUrl, string user, string language = "en")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = language, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("input[name=UserName]", user);
        await page.FillAsync("input[name=Password]", "Demo!2026");
        await page.ClickAsync("form button.primary");
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync(user);
        return page;
    }
}
