using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace MlaRequests.Node.Pages;

/// <summary>
/// The web UI: server-rendered Razor Pages signed in with Identity's application cookie (the API
/// keeps its bearer tokens), English and Russian chosen by the user and kept in a cookie, and an
/// OpenID Connect sign-in when <c>Authentication:Oidc:Authority</c> is configured.
/// </summary>
public static class UiHosting
{
    /// <summary>The authorization policy of every page: signed in with the cookie.</summary>
    public const string Policy = "ui";

    /// <summary>The scheme name of the optional OpenID Connect sign-in.</summary>
    public const string OidcScheme = "oidc";

    /// <summary>The UI's languages.</summary>
    public static readonly CultureInfo[] Cultures = [new("en"), new("ru")];

    /// <summary>Registers pages, localization, the cookie policy and, when configured, OpenID Connect.</summary>
    public static WebApplicationBuilder AddNodeUi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Serves wwwroot from the source tree when the node runs from its build output (tests, scripts), and as published otherwise.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddLocalization();
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", Policy);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Preferences");
        }).AddViewLocalization();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddScoped<UiFormat>();
        services.AddScoped<UiTexts>();
        AddOidc(builder);
        return builder;
    }

    /// <summary>Static files and the language of each page (the API answers in English whatever the cookie says).</summary>
    public static WebApplication UseNodeUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var localization = new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture("en"), SupportedCultures = Cultures, SupportedUICultures = Cultures };
        localization.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        app.UseStaticFiles();
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseRequestLocalization(localization));
        return app;
    }

    /// <summary>Maps the pages.</summary>
    public static WebApplication MapNodeUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages();
        return app;
    }

    static void AddOidc(WebApplicationBuilder builder)
    {
        var oidc = builder.Configuration.GetSection("Authentication:Oidc");
        if (string.IsNullOrWhiteSpace(oidc["Authority"]))
            return;
        if (string.IsNullOrWhiteSpace(oidc["ClientId"]))
            throw new InvalidOperationException("Invalid configuration: Authentication:Oidc:ClientId is required when Authentication:Oidc:Authority is set.");
        builder.Services.AddAuthentication().AddOpenIdConnect(OidcScheme, "OpenID Connect", o =>
        {
            o.Authority = oidc["Authority"];
            o.ClientId = oidc["ClientId"];
            o.ClientSecret = oidc["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Scope.Add("profile");
            o.GetClaimsFromUserInfoEndpoint = true;
        });
    }
}
