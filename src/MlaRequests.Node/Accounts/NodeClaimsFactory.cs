using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MlaRequests.Node.Hosting;

namespace MlaRequests.Node.Accounts;

/// <summary>Adds the issuing node, the office code and display name to the signed-in principal.</summary>
public sealed class NodeClaimsFactory(
    UserManager<NodeUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, IOptions<NodeOptions> node)
    : UserClaimsPrincipalFactory<NodeUser, IdentityRole>(users, roles, options)
{
    /// <inheritdoc />
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NodeUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NodePrincipals.NodeClaim, node.Value.Code));
        identity.AddClaim(new Claim(CallerExtensions.OfficeClaim, user.OfficeCode));
        identity.AddClaim(new Claim("display_name", user.DisplayName));
        return identity;
    }
}
