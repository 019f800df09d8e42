using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MlaRequests.Node.Accounts;

/// <summary>Adds the office code and display name to the signed-in principal.</summary>
public sealed class NodeClaimsFactory(UserManager<NodeUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<NodeUser, IdentityRole>(users, roles, options)
{
    /// <inheritdoc />
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NodeUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CallerExtensions.OfficeClaim, user.OfficeCode));
        identity.AddClaim(new Claim("display_name", user.DisplayName));
        return identity;
    }
}
