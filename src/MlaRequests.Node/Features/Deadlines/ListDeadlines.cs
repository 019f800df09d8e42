using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using NodaTime;
using MlaRequests.Workflows.Deadlines;

namespace MlaRequests.Node.Features.Deadlines;

/// <summary>
/// <c>GET /api/deadlines?state=due|overdue|escalated</c>: running clocks past their 50 % reminder
/// (due), past their due instant (overdue), or escalated to supervisors; soonest first.
/// Prosecutors see their office's clocks; the other roles every clock of the node.
/// </summary>
public static class ListDeadlines
{
    const string Running = nameof(DeadlineClockStateMachine.Running), Overdue = nameof(DeadlineClockStateMachine.Overdue);

    /// <summary>A clock with what it belongs to.</summary>
    /// <param name="Clock">The clock.</param>
    /// <param name="Reference">The request's or case's reference.</param>
    /// <param name="SubjectId">The request or incoming case.</param>
    /// <param name="Link">Where to open it.</param>
    public sealed record Item(ClockView Clock, string Reference, Guid SubjectId, string Link);

    internal static async Task<Results<Ok<IReadOnlyList<Item>>, ValidationProblem, ForbidHttpResult>> Handle(
        string? state, ClaimsPrincipal user, NodeDbContext db, IClock clock, CancellationToken cancellationToken)
    {
        if (state is not ("due" or "overdue" or "escalated"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["One of due, overdue, escalated."] });
        var now = clock.GetCurrentInstant();
        var clocks = db.Clocks.AsNoTracking();
        if (!user.IsInRole(Roles.Supervisor) && !user.IsInRole(Roles.LiaisonOfficer) && !user.IsInRole(Roles.Administrator))
        {
            if (!user.IsInRole(Roles.Prosecutor))
                return TypedResults.Forbid();
            var office = user.Office();
            clocks = clocks.Where(c => c.OfficeCode == office);
        }
        clocks = state switch
        {
            "due" => clocks.Where(c => c.CurrentState == Running && c.Reminder50At <= now && c.DueAt > now),
            "overdue" => clocks.Where(c => c.CurrentState == Overdue || (c.CurrentState == Running && c.DueAt <= now)),
            _ => clocks.Where(c => c.CurrentState == Overdue && c.EscalatedAt != null),
        };
        var rows = await clocks.OrderBy(c => c.DueAt).Take(500).ToListAsync(cancellationToken);
        var outgoing = rows.Select(r => r.SubjectId).ToHashSet();
        var requests = await db.Requests.AsNoTracking().Where(r => outgoing.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Item>>(rows.Select(c => new Item(ClockView.From(c, now), c.Reference, c.SubjectId,
            requests.Contains(c.SubjectId) ? $"/api/requests/{c.SubjectId}" : $"/api/incoming/{c.SubjectId}")).ToList());
    }
}
