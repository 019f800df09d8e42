using System.Security.Claims;
using MlaRequests.Domain.Cases;
using MlaRequests.Node.Accounts;

namespace MlaRequests.Node.Features.Incoming;

/// <summary>
/// Who may see incoming cases: the central authority (liaison officers), supervisors and administrators see every one;
/// an executing prosecutor or investigator (<see cref="Roles.Executor"/>) sees only the cases assigned to them, and
/// another case answers 404 as if it did not exist.
/// </summary>
public static class IncomingQueries
{
    /// <summary>True when <paramref name="user"/> may see incoming cases at all.</summary>
    public static bool MaySee(ClaimsPrincipal user) => SeesAll(user) || user.IsInRole(Roles.Executor);

    /// <summary>True when <paramref name="user"/> may see <paramref name="found"/>.</summary>
    public static bool MaySee(ClaimsPrincipal user, IncomingCase found)
    {
        ArgumentNullException.ThrowIfNull(found);
        return SeesAll(user) || (user.IsInRole(Roles.Executor) && found.AssignedTo == user.UserName());
    }

    /// <summary>
    /// True when <paramref name="user"/> handles <paramref name="found"/> and so sees a child victim's identity: the liaison officers,
    /// and the executor the case is assigned to (who has to hear the child); everyone else sees the data restricted.
    /// </summary>
    public static bool Handles(ClaimsPrincipal user, IncomingCase found)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(found);
        return user.IsInRole(Roles.LiaisonOfficer) || (user.IsInRole(Roles.Executor) && found.AssignedTo == user.UserName());
    }

    /// <summary>True when <paramref name="user"/> sees every incoming case of the node.</summary>
    public static bool SeesAll(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.LiaisonOfficer) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator);
    }

    /// <summary>The cases of <paramref name="cases"/> that <paramref name="user"/> may see.</summary>
    public static IQueryable<IncomingCase> Visible(IQueryable<IncomingCase> cases, ClaimsPrincipal user)
    {
        if (SeesAll(user))
            return cases;
        if (!user.IsInRole(Roles.Executor))
            return cases.Where(_ => false);
        var name = user.UserName();
        return cases.Where(c => c.AssignedTo == name);
    }
}
