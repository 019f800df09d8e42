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
    /// <inheritdoc />
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        var outcome = result.Succeeded ? "succeeded" : result.IsLockedOut ? "locked-out" : "failed";
        await writer.RunAsync(async db =>
        {
            await audit.AppendAsync((NodeDbContext)db, $"sign-in ({AuthenticationScheme})", null, outcome, CancellationToken.None, actor: userName);
            return true;
        }, CancellationToken.None);
        return result;
    }
}
