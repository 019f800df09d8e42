using System.Security.Claims;

namespace MlaRequests.Node.Accounts;

/// <summary>Who is calling: user name, office, roles.</summary>
public static class CallerExtensions
{
    /// <summary>The claim carrying the caller's office code.</summary>
    public const string OfficeClaim = "office";

    /// <summary>The caller's user name.</summary>
    public static string UserName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("The caller is not signed in.");

    /// <summary>The caller's office code.</summary>
    public static string Office(this ClaimsPrincipal user) => user.FindFirstValue(OfficeClaim) ?? string.Empty;

    /// <summary>
    /// True when the caller may see a request of <paramref name="officeCode"/>: prosecutors their
    /// own office's; liaison officers, supervisors and administrators every request of the node.
    /// </summary>
    public static bool MaySee(this ClaimsPrincipal user, string officeCode) =>
        user.IsInRole(Roles.LiaisonOfficer) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator)
        || (user.IsInRole(Roles.Prosecutor) && user.Office() == officeCode);
}
