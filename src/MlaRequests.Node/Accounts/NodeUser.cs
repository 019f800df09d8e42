using Microsoft.AspNetCore.Identity;

namespace MlaRequests.Node.Accounts;

/// <summary>A person with an account on this node.</summary>
public sealed class NodeUser : IdentityUser
{
    /// <summary>The prosecutor's office the person belongs to (e.g. <c>KZ-ALM</c>); prosecutors act on their office's requests only.</summary>
    public string OfficeCode { get; set; } = string.Empty;

    /// <summary>Name shown in timelines and task lists.</summary>
    public string DisplayName { get; set; } = string.Empty;
}
