using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlaRequests.Node.Pages;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;
using static Microsoft.Playwright.Assertions;

namespace MlaRequests.Tests.Browser;

/// <summary>
/// The node configured only through <c>Authentication:Oidc:*</c> against a small OpenID provider running in
/// the test (discovery, JWKS, authorization code with PKCE, RS256 ID token): the browser goes to the provider
/// with the node's client id and scopes, comes back, and is signed in as the node's own account.
/// </summary>
[Trait("Category", "Browser")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_user_signs_in_with_OpenID_Connect : IAsyncLifetime
{
    readonly TestDirectory _data = new();
    readonly TinyOpenIdProvider _provider = new();
    NodeFactory _node = null!;
    string _baseUrl = null!;
    IPlaywright _playwright = null!;
    IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await _provider.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = _provider.Authority,
            ["Authentication:Oidc:ClientId"] = _provider.ClientId,
            ["Authentication:Oidc:ClientSecret"] = _provider.ClientSecret,
        };
        // The provider runs on plain HTTP on loopback; a real one is HTTPS, which the node requires by default.
        _node = new NodeFactory(_data.Path, new FakeClock(SystemClock.Instance.GetCurrentInstant()), settings, testServices: services =>
            services.Configure<OpenIdConnectOptions>(UiHosting.OidcScheme, o => o.RequireHttpsMetadata = false));
        _node.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _node.StartServer();
        _baseUrl = _node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    async Task<IPage> SignInThroughTheProvider()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _baseUrl, Locale = "en" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("form[action*='handler=External'] button").ClickAsync();
        return page;
    }

    [Fact]
    public async Task The_provider_is_asked_for_the_configured_client_with_PKCE_and_the_user_is_signed_in_as_the_node_account_with_its_role_and_office()
    {
        var page = await SignInThroughTheProvider();

        await Expect(page.Locator("header .who")).ToContainTextAsync("kz.liaison · KZ-ALM");
        var asked = _provider.AuthorizationRequests.Should().ContainSingle().Subject;
        asked["client_id"].ToString().Should().Be(_provider.ClientId);
        asked["response_type"].ToString().Should().Be("code");
        asked["scope"].ToString().Split(' ').Should().Contain(["openid", "profile"]);
        asked["code_challenge_method"].ToString().Should().Be("S256");
        asked["redirect_uri"].ToString().Should().Be(_baseUrl + "/signin-oidc");
        _provider.TokensIssued.Should().Be(1);
        (await page.GotoAsync("/Inbox"))!.Status.Should().Be(200);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Inbox");
        (await page.GotoAsync("/Dashboard"))!.Url.Should().Contain("/Account/AccessDenied", "a liaison officer is no supervisor");
    }

    [Fact]
    public async Task A_provider_user_without_an_account_on_the_node_is_not_signed_in()
    {
        _provider.UserName = "stranger";

        var page = await SignInThroughTheProvider();

        await Expect(page.Locator(".flash.error")).ToContainTextAsync("No account of this node matches your identity");
        await Expect(page.Locator("header .who")).ToHaveCountAsync(0);
        _provider.TokensIssued.Should().Be(1, "the provider did sign the stranger in; the node refuses them");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _node.DisposeAsync();
        await _provider.DisposeAsync();
        _data.Dispose();
    }
}
