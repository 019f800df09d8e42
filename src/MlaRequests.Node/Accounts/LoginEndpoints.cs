using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>The one answer to every failed sign-in.</summary>
    public const string FailedSignIn = "Wrong user name or password, or the account may not sign in now.";

    /// <summary>Maps the login endpoints.</summary>
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("Accounts").AllowAnonymous()
            .RequireRateLimiting(SignInRateLimiting.Policy).WithMetadata(new RequestSizeLimitAttribute(16 * 1024))
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/login", LoginAsync).WithName("Login").WithSummary("Sign in for a bearer token")
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/refresh", RefreshAsync).WithName("RefreshToken").WithSummary("Exchange a refresh token for a new bearer token")
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK);
        return endpoints;
    }

    static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest login, SignInManager<NodeUser> signIn, SignInGuard guard, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(login.UserName) || string.IsNullOrEmpty(login.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(login.UserName) ? "userName" : "password"] = ["User name and password are required."],
            });
        }
        if (login.UserName.Length > SignInLimits.MaxUserNameLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userName"] = [$"At most {SignInLimits.MaxUserNameLength} characters."] });
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var outcome = await guard.SignInAsync(signIn, context, login.UserName, login.Password);
        if (outcome.RetryAfter is { } retry)
        {
            context.Response.Headers.RetryAfter = SignInGuard.RetryAfterHeader(retry);
            return TypedResults.Problem("Too many sign-in attempts on this account. Try again later.", statusCode: StatusCodes.Status429TooManyRequests);
        }
        // One answer for every failure: an unknown user, a wrong password and a locked account are not told apart.
        return outcome.Succeeded ? TypedResults.Empty : TypedResults.Problem(FailedSignIn, statusCode: StatusCodes.Status401Unauthorized);
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
