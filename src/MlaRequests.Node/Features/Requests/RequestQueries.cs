using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Features.Requests;

/// <summary>Loads requests the caller may see; another office's request is "not found" for a prosecutor, so nothing leaks.</summary>
public static class RequestQueries
{
    /// <summary>The requests visible to <paramref name="user"/>.</summary>
    public static IQueryable<MlaRequest> VisibleTo(this IQueryable<MlaRequest> requests, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.LiaisonOfficer) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator))
            return requests;
        var office = user.Office();
        return user.IsInRole(Roles.Prosecutor) ? requests.Where(r => r.OfficeCode == office) : requests.Where(_ => false);
    }

    /// <summary>The request with its workflow status, when <paramref name="user"/> may see it.</summary>
    public static async Task<(MlaRequest Request, string Status)?> FindAsync(NodeDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var request = await db.Requests.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
            return null;
        var status = await db.OutgoingRequestWorkflows.AsNoTracking().Where(w => w.CorrelationId == id)
            .Select(w => w.CurrentState).SingleOrDefaultAsync(cancellationToken);
        return (request, status ?? nameof(OutgoingRequestStateMachine.Draft));
    }
}
