using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MlaRequests.Node.Hosting;

namespace MlaRequests.Node.Accounts;

/// <summary>
/// Binds every token and cookie to the node that issued it. Nodes on one host used to share ASP.NET Core's default key
/// ring and cookie names (cookies ignore the port), so a token or a browser session of one node was one on every other.
/// Now each node protects with its own key ring (<see cref="NodeOptions.DataProtectionKeysPath"/>, its code as the
/// application discriminator), names its cookies after its code, and refuses any principal that is not one of its own
/// current users (<see cref="NodePrincipals"/>): 401 for the API, the sign-in page for the UI.
/// </summary>
public static class NodeIdentity
{
    /// <summary>Registers the key ring, the cookie names and the check of each principal.</summary>
    public static IServiceCollection AddNodeIdentity(this IServiceCollection services, NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var code = node.Code.ToLowerInvariant();
        services.AddDataProtection().SetApplicationName($"mla-requests-node-{code}");
        services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory>((o, logs) =>
            o.XmlRepository = new PrivateKeyRing(new DirectoryInfo(node.DataProtectionKeysPath), logs));
        services.AddScoped<NodePrincipals>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = $"mla.session.{code}";
            Harden(o.Cookie);
            o.Events.OnValidatePrincipal = RefuseForeignAsync;
        });
        services.ConfigureExternalCookie(o =>
        {
            o.Cookie.Name = $"mla.external.{code}";
            Harden(o.Cookie);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = $"mla.antiforgery.{code}";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = $"mla.tempdata.{code}";
            Harden(o.Cookie);
        });
        return services;
    }

    /// <summary>After authentication: a bearer principal that is not this node's is treated as no principal (401).</summary>
    public static IApplicationBuilder UseNodeIdentity(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && !await context.RequestServices.GetRequiredService<NodePrincipals>().BelongHereAsync(context.User))
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            await next(context);
        });

    /// <summary>HttpOnly, SameSite Strict, Secure whenever the request came over HTTPS.</summary>
    static void Harden(CookieBuilder cookie)
    {
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    static async Task RefuseForeignAsync(CookieValidatePrincipalContext context)
    {
        if (await context.HttpContext.RequestServices.GetRequiredService<NodePrincipals>().BelongHereAsync(context.Principal))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
