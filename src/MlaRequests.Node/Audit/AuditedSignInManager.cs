using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Persistence;

namespace MlaRequests.Node.Audit;

/// <summary>Identity's sign-in manager that also writes every password sign-in, successful or not, to the audit log (API tokens and UI cookies alike).</summary>
public sealed class AuditedSignInManager(
    UserManager<NodeUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<NodeUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<NodeUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<NodeUser> confirmation, DurableWriter writer, AuditLog audit)
    : SignInManager<NodeUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    static readonly NodeUser Nobody = new();
    static readonly string NobodysHash = new PasswordHasher<NodeUser>().HashPassword(Nobody, Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Checks the password; for a user name the node does not have, a password hash is checked all the same, so the
    /// answer takes as long as for a wrong password and its timing does not tell which accounts exist.
    /// </summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        SignInResult result;
        if (await UserManager.FindByNameAsync(userName) is { } user)
            result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        else
        {
            UserManager.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash, password);
            result = SignInResult.Failed;
        }
        await RecordAsync(AuditTexts.SignIn.Format(AuthenticationScheme), userName, result);
        return result;
    }

    /// <inheritdoc />
    public override async Task<SignInResult> ExternalLoginSignInAsync(string loginProvider, string providerKey, bool isPersistent, bool bypassTwoFactor)
    {
        var result = await base.ExternalLoginSignInAsync(loginProvider, providerKey, isPersistent, bypassTwoFactor);
        var user = await UserManager.FindByLoginAsync(loginProvider, providerKey);
        await RecordAsync(AuditTexts.SignIn.Format(loginProvider), user?.UserName ?? $"{loginProvider}:{providerKey}", result);
        return result;
    }

    Task RecordAsync(string action, string actor, SignInResult result)
    {
        if (actor.Length > SignInLimits.MaxUserNameLength)
            actor = actor[..SignInLimits.MaxUserNameLength];
        var outcome = result.Succeeded ? "succeeded" : result.IsLockedOut ? "locked-out" : "failed";
        return writer.RunAsync(async db =>
        {
            await audit.AppendAsync((NodeDbContext)db, action, null, outcome, CancellationToken.None, actor: actor);
            return true;
        }, CancellationToken.None);
    }
}
