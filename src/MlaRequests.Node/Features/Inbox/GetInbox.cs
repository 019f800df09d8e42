using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Incoming;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;
using NodaTime;
using MlaRequests.Workflows.Deadlines;

namespace MlaRequests.Node.Features.Inbox;

/// <summary>
/// <c>GET /api/inbox</c>: the human tasks waiting for the caller's role, derived from the workflows'
/// current states (so a task appears the moment a workflow needs a person and disappears once the
/// step is taken): prosecutors complete drafts, answer questions and confirm evidence of their
/// office; liaison officers review outgoing requests and handle incoming ones; executors record
/// execution on the cases assigned to them; supervisors sign off proposed refusals of measures and
/// act on escalated clocks.
/// </summary>
public static class GetInbox
{
    /// <summary>A task.</summary>
    /// <param name="Task">What is to be done.</param>
    /// <param name="Reference">The request's or case's reference.</param>
    /// <param name="SubjectId">The request or case.</param>
    /// <param name="Country">The country concerned, if any.</param>
    /// <param name="Status">The status that needs the step.</param>
    /// <param name="DueAt">The running clock's due instant, if any.</param>
    /// <param name="Actions">The steps the caller may take.</param>
    /// <param name="Link">Where to open it.</param>
    public sealed record TaskItem(string Task, string Reference, Guid SubjectId, string? Country, string Status, Instant? DueAt,
        IReadOnlyList<string> Actions, string Link);

    internal static async Task<Ok<IReadOnlyList<TaskItem>>> Handle(ClaimsPrincipal user, NodeDbContext db, OutgoingRequestStateMachine requestMachine,
        BranchStateMachine branchMachine, IncomingCaseStateMachine incomingMachine, IClock clock, MlaRequests.Workflows.Shared.WorkflowNode node,
        CancellationToken cancellationToken)
    {
        var tasks = new List<TaskItem>();
        var office = user.Office();
        var dueBySubject = (await db.Clocks.AsNoTracking()
                .Where(c => c.CurrentState == nameof(DeadlineClockStateMachine.Running) || c.CurrentState == nameof(DeadlineClockStateMachine.Overdue))
                .Select(c => new { c.SubjectId, c.BranchId, c.DueAt }).ToListAsync(cancellationToken))
            .GroupBy(c => c.BranchId ?? c.SubjectId).ToDictionary(g => g.Key, g => g.Min(c => c.DueAt));

        if (user.IsInRole(Roles.Prosecutor))
        {
            var drafts = await (from r in db.Requests.AsNoTracking()
                                join w in db.OutgoingRequestWorkflows.AsNoTracking() on r.Id equals w.CorrelationId into ws
                                from w in ws.DefaultIfEmpty()
                                where r.OfficeCode == office && (w == null || w.CurrentState == nameof(OutgoingRequestStateMachine.Draft))
                                select new { r.Id, r.Reference }).ToListAsync(cancellationToken);
            tasks.AddRange(drafts.Select(d => new TaskItem("Complete and submit the draft", d.Reference, d.Id, null, nameof(OutgoingRequestStateMachine.Draft), null,
                RequestSteps.AllowedOnRequest(requestMachine, nameof(OutgoingRequestStateMachine.Draft), user, office), $"/api/requests/{d.Id}")));

            var branches = await db.BranchWorkflows.AsNoTracking()
                .Where(b => b.OfficeCode == office
                    && (b.CurrentState == nameof(BranchStateMachine.AdditionalInformationRequested) || b.CurrentState == nameof(BranchStateMachine.EvidenceTransferred)))
                .ToListAsync(cancellationToken);
            tasks.AddRange(branches.Select(b => new TaskItem(
                b.CurrentState == nameof(BranchStateMachine.EvidenceTransferred) ? "Confirm the evidence was received" : "Answer the request for additional information",
                b.Reference, b.RequestId, b.TargetNode, b.CurrentState, dueBySubject.TryGetValue(b.CorrelationId, out var due) ? due : null,
                RequestSteps.AllowedOnBranch(branchMachine, b.CurrentState, user, office), $"/api/requests/{b.RequestId}")));
        }

        tasks.AddRange(await StatusEnquiryTasks.ForAsync(user, db, branchMachine, cancellationToken));
        tasks.AddRange(await ConsultationTasks.ForAsync(user, db, branchMachine, cancellationToken));
        tasks.AddRange(await SharedMilestoneTasks.ForAsync(user, db, MlaRequests.Domain.NodeTime.Today(node.Code, clock.GetCurrentInstant()), cancellationToken));

        if (user.IsInRole(Roles.LiaisonOfficer))
        {
            var reviews = await db.OutgoingRequestWorkflows.AsNoTracking().Where(w => w.CurrentState == nameof(OutgoingRequestStateMachine.InReview))
                .ToListAsync(cancellationToken);
            tasks.AddRange(reviews.Select(w => new TaskItem("Review the outgoing request", w.Reference, w.CorrelationId, null, w.CurrentState,
                dueBySubject.TryGetValue(w.CorrelationId, out var due) ? due : null,
                RequestSteps.AllowedOnRequest(requestMachine, w.CurrentState, user, w.OfficeCode), $"/api/requests/{w.CorrelationId}")));

            var incoming = await db.IncomingCaseWorkflows.AsNoTracking()
                .Where(w => w.CurrentState != nameof(IncomingCaseStateMachine.Closed) && w.CurrentState != nameof(IncomingCaseStateMachine.Refused)
                    && w.CurrentState != nameof(IncomingCaseStateMachine.Withdrawn) && w.CurrentState != nameof(IncomingCaseStateMachine.ResponseTransmitted)
                    && w.CurrentState != nameof(IncomingCaseStateMachine.AwaitingInformation) && w.CurrentState != nameof(IncomingCaseStateMachine.MirrorCaseOpened)
                    && w.CurrentState != nameof(IncomingCaseStateMachine.RefusalProposed) // a supervisor's task, below
                    && w.CurrentState != nameof(IncomingCaseStateMachine.InConsultation)) // the requesting country's turn
                .ToListAsync(cancellationToken);
            tasks.AddRange(incoming.Select(w => new TaskItem(IncomingTask(w.CurrentState), w.Reference, w.CorrelationId, w.RequestingNode, w.CurrentState,
                dueBySubject.TryGetValue(w.CorrelationId, out var due) ? due : null, IncomingSteps.Allowed(incomingMachine, w.CurrentState, user, w),
                $"/api/incoming/{w.CorrelationId}")).Where(t => t.Actions.Count > 0));
        }

        if (user.IsInRole(Roles.Executor) && !user.IsInRole(Roles.LiaisonOfficer))
            tasks.AddRange(await ExecutorTasksAsync(user, db, incomingMachine, dueBySubject, cancellationToken));

        if (user.IsInRole(Roles.Supervisor))
        {
            // A proposed refusal waits for a supervisor who did not propose it.
            var me = user.UserName();
            var proposals = await db.IncomingCaseWorkflows.AsNoTracking()
                .Where(w => w.CurrentState == nameof(IncomingCaseStateMachine.RefusalProposed) && w.RefusalProposedBy != me).ToListAsync(cancellationToken);
            tasks.AddRange(proposals.Select(w => new TaskItem("Sign off or send back the proposed refusal", w.Reference, w.CorrelationId, w.RequestingNode,
                w.CurrentState, dueBySubject.TryGetValue(w.CorrelationId, out var due) ? due : null, IncomingSteps.Allowed(incomingMachine, w.CurrentState, user, w),
                $"/api/incoming/{w.CorrelationId}")));
            var measureProposals = await (from r in db.MeasureResults.AsNoTracking()
                                   join c in db.IncomingCases.AsNoTracking() on r.CaseId equals c.Id
                                   where r.ProposedBy != null
                                   select new { c.Id, c.Reference, c.RequestingNode }).Distinct().ToListAsync(cancellationToken);
            var proposalStates = await db.IncomingCaseWorkflows.AsNoTracking().Where(w => measureProposals.Select(p => p.Id).Contains(w.CorrelationId))
                .ToDictionaryAsync(w => w.CorrelationId, w => w.CurrentState, cancellationToken);
            tasks.AddRange(measureProposals.Where(p => proposalStates.ContainsKey(p.Id)).Select(p => new TaskItem("Sign off a proposed refusal of a measure",
                p.Reference, p.Id, p.RequestingNode, proposalStates[p.Id], dueBySubject.TryGetValue(p.Id, out var due) ? due : null,
                IncomingSteps.Allowed(incomingMachine, proposalStates[p.Id], user), $"/api/incoming/{p.Id}")).Where(t => t.Actions.Count > 0));

            var escalated = await db.Clocks.AsNoTracking().Where(c => c.CurrentState == nameof(DeadlineClockStateMachine.Overdue)).OrderBy(c => c.DueAt)
                .ToListAsync(cancellationToken);
            tasks.AddRange(escalated.Select(c => new TaskItem($"Overdue {c.Kind} clock: follow up with {c.ActingCountry}", c.Reference, c.SubjectId,
                c.ActingCountry, nameof(DeadlineClockStateMachine.Overdue), c.DueAt, [], $"/api/deadlines?state=escalated")));
        }

        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator))
        {
            var failed = await db.CrossBorderMessages.AsNoTracking()
                .Where(m => m.State == Delivery.DeliveryStates.Failed && m.Kind == Delivery.DeliveryStates.MessageKind).ToListAsync(cancellationToken);
            var ids = failed.Select(m => m.CorrelationId).ToList();
            var references = (await db.BranchWorkflows.AsNoTracking().Where(b => ids.Contains(b.CorrelationId)).Select(b => new { b.CorrelationId, b.Reference })
                    .ToListAsync(cancellationToken))
                .Concat(await db.IncomingCases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { CorrelationId = c.Id, c.Reference })
                    .ToListAsync(cancellationToken))
                .ToDictionary(x => x.CorrelationId, x => x.Reference);
            tasks.AddRange(failed.Select(m => new TaskItem($"Delivery of {m.ContractType} to {m.ToNode} failed: {m.LastError}",
                references.GetValueOrDefault(m.CorrelationId, m.CorrelationId.ToString()), m.CorrelationId, m.ToNode, "Failed", m.FailedAt,
                user.IsInRole(Roles.Administrator) ? ["retry"] : [], $"/api/links/{m.ToNode}/messages?state=Failed")));
        }

        return TypedResults.Ok<IReadOnlyList<TaskItem>>(tasks.OrderBy(t => t.DueAt ?? Instant.MaxValue).ToList());
    }

    /// <summary>An executor's tasks: the cases assigned to them that are being executed.</summary>
    static async Task<IEnumerable<TaskItem>> ExecutorTasksAsync(ClaimsPrincipal user, NodeDbContext db, IncomingCaseStateMachine machine,
        Dictionary<Guid, Instant> dueBySubject, CancellationToken cancellationToken)
    {
        var executing = new[] { nameof(IncomingCaseStateMachine.InExecution), nameof(IncomingCaseStateMachine.PartiallyExecuted), nameof(IncomingCaseStateMachine.Executed) };
        var mine = await (from c in IncomingQueries.Visible(db.IncomingCases.AsNoTracking(), user)
                          join w in db.IncomingCaseWorkflows.AsNoTracking() on c.Id equals w.CorrelationId
                          where executing.Contains(w.CurrentState)
                          select new { c.Id, c.Reference, c.RequestingNode, w.CurrentState }).ToListAsync(cancellationToken);
        return mine.Select(c => new TaskItem(c.CurrentState == nameof(IncomingCaseStateMachine.Executed) ? "Prepare the evidence for transfer" : "Record execution per measure",
            c.Reference, c.Id, c.RequestingNode, c.CurrentState, dueBySubject.TryGetValue(c.Id, out var due) ? due : null,
            IncomingSteps.Allowed(machine, c.CurrentState, user), $"/api/incoming/{c.Id}")).Where(t => t.Actions.Count > 0);
    }

    static string IncomingTask(string status) => status switch
    {
        nameof(IncomingCaseStateMachine.Received) => "Register the incoming request",
        nameof(IncomingCaseStateMachine.Registered) => "Assign the incoming request",
        nameof(IncomingCaseStateMachine.InformationRegistered) => "Note the spontaneous information or open a mirror case",
        nameof(IncomingCaseStateMachine.Assigned) or nameof(IncomingCaseStateMachine.Postponed) => "Decide on the incoming request",
        nameof(IncomingCaseStateMachine.InExecution) or nameof(IncomingCaseStateMachine.PartiallyExecuted) => "Record execution",
        nameof(IncomingCaseStateMachine.Executed) => "Transfer the evidence",
        nameof(IncomingCaseStateMachine.ExecutionPostponed) => "Resume the postponed execution",
        _ => $"Incoming request in {status}",
    };
}
