namespace MlaRequests.Node.Hosting;

/// <summary>
/// The usual security headers on every answer, from NetEscapades.AspNetCore.SecurityHeaders: a Content-Security-Policy
/// that allows only the node's own scripts, styles and images (no inline script, handler or style: the pages have
/// none), no framing (<c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>), <c>nosniff</c>, a same-origin
/// referrer, and HSTS on answers served over HTTPS (the library sends it only there). Answers other than static files
/// carry <c>Cache-Control: no-store</c>: API answers and pages hold personal data of suspects and victims, which a
/// shared computer's browser cache must not keep.
/// </summary>
public static class WebHardening
{
    /// <summary>Adds the headers; <paramref name="oidcAuthority"/>, when set, may receive the sign-in form's redirect.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? oidcAuthority)
    {
        var policies = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicySameOrigin()
            .AddStrictTransportSecurityMaxAge(maxAgeInSeconds: 365 * 24 * 60 * 60)
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFrameAncestors().None();
                var forms = csp.AddFormAction().Self();
                if (Uri.TryCreate(oidcAuthority, UriKind.Absolute, out var authority))
                    forms.From(authority.GetLeftPart(UriPartial.Authority));
            });
        return app.UseSecurityHeaders(policies);
    }

    /// <summary>Marks every answer that reaches this point (static files are served before it) <c>no-store</c>.</summary>
    public static IApplicationBuilder UseNoStore(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
