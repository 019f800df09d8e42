using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MlaRequests.Node.Accounts;

/// <summary>
/// <c>POST /api/auth/login</c> and <c>/api/auth/refresh</c>: bearer tokens for scripts and the UI.
/// Accounts are created by administrators (and seeded for demos), never by self-registration.
/// </summary>
public static class LoginEndpoints
{
    /// <summary>User name and password.</summary>
    /// <param name="UserName">The account's user name.</param>
    /// <param name="Password">Its password.</param>
    public sealed record LoginRequest(string? UserName, string? Password);

    /// <summary>A refresh token from an earlier login.</summary>
    /// <param name="RefreshToken">The token.</param>
    public sealed record RefreshRequest(string? RefreshToken);

    /// <summary>Maps the login endpoints.</summary>
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("Accounts").AllowAnonymous();
        group.MapPost("/login", LoginAsync);
        group.MapPost("/refresh", RefreshAsync);
        return endpoints;
    }

    static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest login, SignInManager<NodeUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(login.UserName) || string.IsNullOrEmpty(login.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(login.UserName) ? "userName" : "password"] = ["User name and password are required."],
            });
        }
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(login.UserName, login.Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
            return TypedResults.Problem(result.IsLockedOut ? "The account is locked for a while after failed attempts." : "Wrong user name or password.",
                statusCode: StatusCodes.Status401Unauthorized);
        return TypedResults.Empty;
    }

    static async Task<Results<SignInHttpResult, ChallengeHttpResult, ValidationProblem>> RefreshAsync(
        RefreshRequest refresh, SignInManager<NodeUser> signIn, NodePrincipals principals, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(refresh.RefreshToken))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = ["A refresh token is required."] });
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refresh.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || !await principals.BelongHereAsync(ticket.Principal) || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return TypedResults.Challenge();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
