using Microsoft.Playwright;
using MlaRequests.Tests.Api;
using static Microsoft.Playwright.Assertions;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Browser;

/// <summary>
/// The node sends a Content-Security-Policy without <c>'unsafe-inline'</c>: a page with an inline handler, script or style
/// would break in the browser. Each role's main pages are opened and the browser's console is read for violations.
/// </summary>
[Trait("Category", "Browser")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_the_pages_run_under_the_content_security_policy(BrowserNode ui) : IClassFixture<BrowserNode>
{
    [Fact]
    public async Task No_main_page_violates_it_and_the_language_picker_still_applies_at_once()
    {
        var request = await ui.Api.RequestIn("InReview");
        var incoming = await ui.Api.ReceiveFromKg();
        var pages = new (string User, string[] Paths)[]
        {
            (RequestSetup.Prosecutor, ["/", "/Requests", "/Requests/New", $"/Requests/{request}"]),
            (RequestSetup.Liaison, ["/Inbox", $"/Incoming/{incoming}"]),
            (RequestSetup.Supervisor, ["/Dashboard", "/Audit"]),
        };
        var violations = new List<string>();
        foreach (var (user, paths) in pages)
        {
            var page = await ui.SignedIn(user);
            page.Console += (_, message) => { if (message.Type == "error") violations.Add($"{page.Url}: {message.Text}"); };
            page.PageError += (_, error) => violations.Add($"{page.Url}: {error}");
            foreach (var path in paths)
            {
                var answer = await page.GotoAsync(path);
                answer!.Status.Should().Be(200, path);
                (await answer.AllHeadersAsync()).Should().ContainKey("content-security-policy", path);
            }
            await page.Context.CloseAsync();
        }

        var russian = await ui.SignedIn(RequestSetup.Prosecutor);
        russian.Console += (_, message) => { if (message.Type == "error") violations.Add($"{russian.Url}: {message.Text}"); };
        await russian.GotoAsync("/Requests");
        await russian.SelectOptionAsync("select[name=culture]", "ru");
        await Expect(russian.Locator("html")).ToHaveAttributeAsync("lang", "ru");

        violations.Should().BeEmpty("the pages need no inline script, handler or style");
    }
}
