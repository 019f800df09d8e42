using System.Security.Claims;
using MlaRequests.Node.Accounts;

namespace MlaRequests.Node.Features.Incoming;

/// <summary>Who may see incoming cases: the central authority (liaison officers), supervisors and administrators.</summary>
public static class IncomingQueries
{
    /// <summary>True when <paramref name="user"/> may see incoming cases.</summary>
    public static bool MaySee(ClaimsPrincipal user) =>
        user.IsInRole(Roles.LiaisonOfficer) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator);
}
