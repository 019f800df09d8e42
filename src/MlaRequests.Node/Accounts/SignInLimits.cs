using System.ComponentModel.DataAnnotations;

namespace MlaRequests.Node.Accounts;

/// <summary>Limits on password sign-in (section <c>SignIn</c>); see <see cref="SignInGuard"/> for why each exists.</summary>
public sealed class SignInLimits
{
    /// <summary>The longest user name looked up or written to the audit log; longer is refused as invalid input.</summary>
    public const int MaxUserNameLength = 256;

    /// <summary>Sign-in and refresh attempts one client address may make per <see cref="Window"/>, whatever the accounts.</summary>
    [Range(1, 100_000)]
    public int AttemptsPerAddress { get; set; } = 60;

    /// <summary>
    /// Failed attempts on one account, from all addresses together, per <see cref="Window"/>: the brake on guessing from
    /// many addresses (each of which the lock-out stops after <see cref="LockoutFailures"/>).
    /// </summary>
    [Range(1, 100_000)]
    public int FailuresPerAccount { get; set; } = 20;

    /// <summary>The window of both rate limits.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed attempts on one account from one address that lock that pair out.</summary>
    [Range(1, 1_000)]
    public int LockoutFailures { get; set; } = 5;

    /// <summary>How long the pair stays locked; attempts while locked do not extend it.</summary>
    public TimeSpan LockoutPeriod { get; set; } = TimeSpan.FromMinutes(5);
}
