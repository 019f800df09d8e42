using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MlaRequests.Node.Accounts;

/// <summary>
/// Password sign-in with limits an attacker cannot turn against a real user. Identity's own lock-out (five failures lock
/// the account for everyone) let anyone lock any user out, indefinitely, by failing on purpose; it is not used. Instead:
/// <list type="bullet">
/// <item>a rate limit of attempts per client address (<c>sign-in</c> policy of ASP.NET Core's rate limiter, on the API and
/// the page) and one of failures per account name from all addresses (here, with the same limiter types): 429 with
/// <c>Retry-After</c>. Only failures count against an account, so its user signing in again and again is not slowed;
/// an attacker needs <see cref="SignInLimits.FailuresPerAccount"/> addresses' worth of lock-outs a minute to trip it,
/// and then holds it only while the attack lasts;</item>
/// <item>a lock-out per account <em>and address</em>: after <see cref="SignInLimits.LockoutFailures"/> failures from one
/// address that address may not try that account for <see cref="SignInLimits.LockoutPeriod"/>, counted from the failure
/// that locked it; attempts while locked are refused without checking the password and do not extend it. The real user,
/// signing in from their own address, is not locked by someone else's failures.</item>
/// </list>
/// Every failure (unknown user, wrong password, locked, disabled by an administrator's lock-out) answers the same. The
/// client address is the connection's: forwarded headers are not trusted (a node behind a reverse proxy must be given
/// ASP.NET Core's forwarded-headers middleware with the proxy's address before it can tell its clients apart). State is
/// in memory, bounded, and starts empty when the node restarts.
/// </summary>
public sealed class SignInGuard : IDisposable
{
    readonly SignInLimits _options;
    readonly IClock _clock;
    readonly PartitionedRateLimiter<string> _failuresPerAccount;
    readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Creates the guard from <c>SignIn</c> settings.</summary>
    public SignInGuard(IOptions<SignInLimits> options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _clock = clock;
        _failuresPerAccount = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = _options.FailuresPerAccount, Window = _options.Window, QueueLimit = 0 }));
    }

    /// <summary>What a sign-in attempt came to.</summary>
    /// <param name="Succeeded">True when signed in.</param>
    /// <param name="RetryAfter">Set when the attempt was refused by a rate limit: when to try again.</param>
    public sealed record Outcome(bool Succeeded, TimeSpan? RetryAfter);

    /// <summary>Checks the password of <paramref name="userName"/> (already at most <see cref="SignInLimits.MaxUserNameLength"/> long).</summary>
    public async Task<Outcome> SignInAsync(SignInManager<NodeUser> signIn, HttpContext context, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(context);
        var account = userName.ToUpperInvariant();
        var key = account + "\n" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        using (var lease = _failuresPerAccount.AttemptAcquire(account, permitCount: 0))
        {
            if (!lease.IsAcquired)
                return new Outcome(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : _options.Window);
        }
        var now = _clock.GetCurrentInstant();
        var failures = _failures.GetOrCreate(key, e =>
        {
            e.Size = 1;
            e.SlidingExpiration = _options.LockoutPeriod + _options.Window;
            return new Failures();
        })!;
        if (failures.LockedUntil > now)
            return new Outcome(false, null);
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: false);
        lock (failures)
        {
            if (result.Succeeded)
                failures.Count = 0;
            else if (++failures.Count >= _options.LockoutFailures)
            {
                failures.Count = 0;
                failures.LockedUntil = now + Duration.FromTimeSpan(_options.LockoutPeriod);
            }
        }
        if (!result.Succeeded)
            _failuresPerAccount.AttemptAcquire(account).Dispose();
        return new Outcome(result.Succeeded, null);
    }

    /// <summary>The <c>Retry-After</c> header value for <paramref name="retryAfter"/>, in whole seconds.</summary>
    public static string RetryAfterHeader(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose()
    {
        _failuresPerAccount.Dispose();
        _failures.Dispose();
    }

    sealed class Failures
    {
        public int Count;
        public Instant LockedUntil;
    }
}
