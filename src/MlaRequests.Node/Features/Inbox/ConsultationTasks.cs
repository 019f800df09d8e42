using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;

namespace MlaRequests.Node.Features.Inbox;

/// <summary>
/// The inbox task of a consultation before refusal or postponement (UNTOC Art. 18(26)) on the requesting side: while a requested
/// country waits for the answer, the request's office (its prosecutors, and the liaison officers) is asked to accept, supply what is
/// missing or withdraw from that country, due when the consultation's clock is.
/// </summary>
public static class ConsultationTasks
{
    /// <summary>The task's text (the country is the task's).</summary>
    public const string AnswerTask = "Answer the requested country's consultation before it refuses or postpones";

    /// <summary>The consultation tasks for <paramref name="user"/>.</summary>
    public static async Task<IReadOnlyList<GetInbox.TaskItem>> ForAsync(ClaimsPrincipal user, NodeDbContext db, BranchStateMachine branchMachine, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        if (!user.IsInRole(Roles.Prosecutor) && !user.IsInRole(Roles.LiaisonOfficer))
            return [];
        var office = user.Office();
        var waiting = await db.BranchWorkflows.AsNoTracking()
            .Where(b => b.CurrentState == nameof(BranchStateMachine.InConsultation) && (user.IsInRole(Roles.LiaisonOfficer) || b.OfficeCode == office))
            .ToListAsync(ct);
        var ids = waiting.Select(b => b.CorrelationId).ToList();
        var open = (await db.Consultations.AsNoTracking().Where(c => ids.Contains(c.BranchId) && c.AnsweredAt == null).ToListAsync(ct))
            .Select(c => BranchStateMachine.ConsultationClock(c.Id)).ToList();
        var due = (await db.Clocks.AsNoTracking().Where(c => open.Contains(c.CorrelationId)).ToListAsync(ct))
            .Where(c => c.BranchId is not null).GroupBy(c => c.BranchId!.Value).ToDictionary(g => g.Key, g => g.Min(c => c.DueAt));
        return waiting.Select(b => new GetInbox.TaskItem(AnswerTask, b.Reference, b.RequestId, b.TargetNode, b.CurrentState,
                due.TryGetValue(b.CorrelationId, out var at) ? at : null, RequestSteps.AllowedOnBranch(branchMachine, b.CurrentState, user, b.OfficeCode),
                $"/api/requests/{b.RequestId}"))
            .Where(t => t.Actions.Count > 0).ToList();
    }
}
