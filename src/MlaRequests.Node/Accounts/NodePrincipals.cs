using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MlaRequests.Node.Hosting;

namespace MlaRequests.Node.Accounts;

/// <summary>
/// Checks that a signed-in principal (bearer token or cookie) is this node's: it carries this node's code in its
/// <see cref="NodeClaim"/>, and names a user this node has, with the security stamp the user has now (so a deleted
/// account, a changed password or a locked account ends its sessions at once). The key ring already keeps other
/// nodes' tokens from opening here; this is the second lock, for a key ring copied or shared by mistake.
/// </summary>
public sealed class NodePrincipals(SignInManager<NodeUser> signIn, IOptions<NodeOptions> node)
{
    /// <summary>The claim carrying the code of the node that issued the principal.</summary>
    public const string NodeClaim = "node";

    ClaimsPrincipal? _checked;
    bool _result;

    /// <summary>True when <paramref name="principal"/> was issued by this node for one of its current users.</summary>
    public async Task<bool> BelongHereAsync(ClaimsPrincipal? principal)
    {
        if (principal is null)
            return false;
        if (ReferenceEquals(principal, _checked))
            return _result;
        _result = principal.FindFirstValue(NodeClaim) == node.Value.Code && await signIn.ValidateSecurityStampAsync(principal) is not null;
        _checked = principal;
        return _result;
    }
}
