using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect provider on Kestrel (127.0.0.1): discovery document, JWKS, an authorization
/// endpoint that signs in <see cref="UserName"/> at once (no login form), a token endpoint that checks the
/// client, the code and its PKCE verifier and returns an RS256-signed ID token, and a userinfo endpoint.
/// Every authorization request is kept so a test can check what the client asked for.
/// </summary>
public sealed class TinyOpenIdProvider : IAsyncDisposable
{
    readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    readonly ConcurrentDictionary<string, (string Challenge, string Nonce, string RedirectUri)> _codes = new();
    WebApplication? _app;

    /// <summary>The client the node must use.</summary>
    public string ClientId { get; } = "mla-node";

    /// <summary>Its secret.</summary>
    public string ClientSecret { get; } = "s3cret";

    /// <summary>The provider's user name for whoever signs in (the node matches it to its own account).</summary>
    public string UserName { get; set; } = "kz.liaison";

    /// <summary>The issuer (and base address).</summary>
    public string Authority { get; private set; } = null!;

    /// <summary>The query of every request to the authorization endpoint.</summary>
    public ConcurrentQueue<IQueryCollection> AuthorizationRequests { get; } = new();

    /// <summary>Token requests that were answered with an ID token.</summary>
    public int TokensIssued => _tokens;

    int _tokens;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["userinfo_endpoint"] = $"{Authority}/userinfo",
            ["jwks_uri"] = $"{Authority}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", Token);
        _app.MapGet("/userinfo", (HttpRequest request) =>
            request.Headers.Authorization.ToString() == "Bearer access-" + UserName
                ? Results.Json(new { sub = Subject, preferred_username = UserName })
                : Results.Unauthorized());
        await _app.StartAsync();
        Authority = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    string Subject => "sub-" + UserName;

    /// <summary>Signs the user in at once and returns the code the way the client asked (form_post or query).</summary>
    IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        AuthorizationRequests.Enqueue(q);
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256")
            return Results.BadRequest("unsupported client or response type");
        var code = Guid.NewGuid().ToString("N");
        _codes[code] = (q["code_challenge"].ToString(), q["nonce"].ToString(), q["redirect_uri"].ToString());
        var redirect = q["redirect_uri"].ToString();
        if (q["response_mode"] == "form_post")
        {
            var html = HtmlEncoder.Default;
            return Results.Content($"""
                <html><body onload="document.forms[0].submit()"><form method="post" action="{html.Encode(redirect)}">
                <input type="hidden" name="code" value="{code}" /><input type="hidden" name="state" value="{html.Encode(q["state"].ToString())}" />
                </form></body></html>
                """, "text/html");
        }
        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["grant_type"] != "authorization_code"
            || !_codes.TryRemove(form["code"].ToString(), out var issued) || form["redirect_uri"] != issued.RedirectUri)
            return Results.BadRequest(new { error = "invalid_grant" });
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != issued.Challenge)
            return Results.BadRequest(new { error = "invalid_grant", error_description = "PKCE verifier does not match" });
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = Subject, ["nonce"] = issued.Nonce, ["preferred_username"] = UserName },
        });
        Interlocked.Increment(ref _tokens);
        return Results.Json(new { access_token = "access-" + UserName, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}
