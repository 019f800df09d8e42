using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;

namespace MlaRequests.Node.Features.Inbox;

/// <summary>
/// The inbox tasks of status enquiries (UNTOC Art. 18(24)): liaison officers answer each enquiry a requesting country sent
/// and nobody answered yet; the requesting office (its prosecutors, and the liaison officers) is offered an enquiry when a clock
/// the requested country must meet is overdue and no enquiry went out since it fell due.
/// </summary>
public static class StatusEnquiryTasks
{
    /// <summary>The liaison officer's task for an enquiry not answered yet (the country is the task's).</summary>
    public const string AnswerTask = "Answer the status enquiry";

    /// <summary>The requesting office's task while a clock the requested country must meet is overdue (the country is the task's).</summary>
    public const string EnquireTask = "A clock the requested country must meet is overdue: send a status enquiry";

    /// <summary>The enquiry tasks for <paramref name="user"/>.</summary>
    public static async Task<IReadOnlyList<GetInbox.TaskItem>> ForAsync(ClaimsPrincipal user, NodeDbContext db, BranchStateMachine branchMachine,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var tasks = new List<GetInbox.TaskItem>();
        if (user.IsInRole(Roles.LiaisonOfficer))
        {
            var open = await (from e in db.StatusEnquiries.AsNoTracking()
                              join c in db.IncomingCases.AsNoTracking() on e.BranchId equals c.Id
                              where e.AnsweredAt == null
                              select new { e.Id, e.AskedAt, c.Reference, CaseId = c.Id, c.RequestingNode }).ToListAsync(ct);
            var statuses = await db.IncomingCaseWorkflows.AsNoTracking().Where(w => open.Select(o => o.CaseId).Contains(w.CorrelationId))
                .ToDictionaryAsync(w => w.CorrelationId, w => w.CurrentState, ct);
            tasks.AddRange(open.OrderBy(o => o.AskedAt).Select(o => new GetInbox.TaskItem(AnswerTask, o.Reference, o.CaseId,
                o.RequestingNode, statuses.GetValueOrDefault(o.CaseId, nameof(IncomingCaseStateMachine.Received)), null, ["answer-enquiry"],
                $"/api/incoming/{o.CaseId}/enquiries")));
        }

        if (user.IsInRole(Roles.Prosecutor) || user.IsInRole(Roles.LiaisonOfficer))
        {
            var office = user.Office();
            var overdue = await (from c in db.Clocks.AsNoTracking()
                                 join b in db.BranchWorkflows.AsNoTracking() on c.BranchId equals (Guid?)b.CorrelationId
                                 where c.CurrentState == nameof(DeadlineClockStateMachine.Overdue) && c.ActingCountry == b.TargetNode
                                     && (user.IsInRole(Roles.LiaisonOfficer) || b.OfficeCode == office)
                                 select new { Branch = b, c.Kind, c.DueAt }).ToListAsync(ct);
            var branchIds = overdue.Select(o => o.Branch.CorrelationId).ToList();
            var lastAsked = (await db.StatusEnquiries.AsNoTracking().Where(e => branchIds.Contains(e.BranchId)).Select(e => new { e.BranchId, e.AskedAt })
                    .ToListAsync(ct))
                .GroupBy(e => e.BranchId).ToDictionary(g => g.Key, g => g.Max(e => e.AskedAt));
            foreach (var o in overdue.Where(o => !lastAsked.TryGetValue(o.Branch.CorrelationId, out var asked) || asked < o.DueAt))
            {
                var steps = RequestSteps.AllowedOnBranch(branchMachine, o.Branch.CurrentState, user, o.Branch.OfficeCode).Where(s => s == "enquire").ToList();
                if (steps.Count > 0)
                {
                    tasks.Add(new GetInbox.TaskItem(EnquireTask, o.Branch.Reference,
                        o.Branch.RequestId, o.Branch.TargetNode, o.Branch.CurrentState, o.DueAt, steps, $"/api/requests/{o.Branch.RequestId}"));
                }
            }
        }
        return tasks;
    }
}
