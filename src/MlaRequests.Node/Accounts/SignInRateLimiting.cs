using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MlaRequests.Node.Accounts;

/// <summary>
/// The <c>sign-in</c> policy of ASP.NET Core's rate limiter: sign-in and refresh attempts per client address (the
/// connection's; forwarded headers are not trusted), on <c>POST /api/auth/login</c>, <c>/api/auth/refresh</c> and the
/// sign-in page's posts. Refused: 429, problem details and <c>Retry-After</c>.
/// </summary>
public static class SignInRateLimiting
{
    /// <summary>The policy's name.</summary>
    public const string Policy = "sign-in";

    /// <summary>Registers the policy, the guard and the <c>SignIn</c> settings.</summary>
    public static IServiceCollection AddSignInLimits(this IServiceCollection services, SignInLimits options)
    {
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<SignInGuard>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => RejectAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : options.Window);
            o.AddPolicy(Policy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ =>
                    new FixedWindowRateLimiterOptions { PermitLimit = options.AttemptsPerAddress, Window = options.Window, QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>429 with problem details and <c>Retry-After</c>.</summary>
    public static async ValueTask RejectAsync(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = SignInGuard.RetryAfterHeader(retryAfter);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many sign-in attempts", Detail = "Try again later." },
        });
    }
}
