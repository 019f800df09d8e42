using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Requests;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary><c>GET /api/requests/{id}</c>: status, each target's status and clocks, the timeline and the steps the caller may take now.</summary>
public static class GetRequest
{
    /// <summary>A request as the API shows it.</summary>
    public sealed record Response(
        Guid Id, string Reference, string OfficeCode, string CreatedBy, Instant CreatedAt, Instant UpdatedAt, int Revision, string Status,
        bool ChildVictimPriority, bool ContentRestricted, RequestContent Content, IReadOnlyList<TargetView> Targets, IReadOnlyList<ClockView> Clocks,
        IReadOnlyList<TimelineView> Timeline, int NoteCount, IReadOnlyList<string> AllowedSteps);

    /// <summary>One requested country's branch.</summary>
    /// <param name="Country">The requested country.</param>
    /// <param name="BranchId">The branch.</param>
    /// <param name="Status">Its status.</param>
    /// <param name="TransportState">Where this branch's cross-border messages stand: <c>queued</c> (waiting in the outbox),
    /// <c>retrying</c> (the broker refused or could not route one yet), <c>sent</c> (all handed to the broker), <c>none</c> (nothing sent yet).</param>
    /// <param name="TransmittedAt">When it was transmitted.</param>
    /// <param name="RemoteCaseReference">The requested country's linked domestic case.</param>
    /// <param name="RefusalGrounds">Refusal ground codes, if refused.</param>
    /// <param name="AllowedSteps">Steps the caller may take on this branch now.</param>
    public sealed record TargetView(string Country, Guid? BranchId, string Status, string TransportState, Instant? TransmittedAt,
        string? RemoteCaseReference, IReadOnlyList<string> RefusalGrounds, IReadOnlyList<string> AllowedSteps);

    internal static async Task<Results<Ok<Response>, NotFound>> Handle(Guid id, ClaimsPrincipal user, NodeDbContext db, IClock clock,
        OutgoingRequestStateMachine requestMachine, BranchStateMachine branchMachine, CancellationToken cancellationToken)
    {
        if (await RequestQueries.FindAsync(db, id, user, cancellationToken) is not var (request, status))
            return TypedResults.NotFound();
        var now = clock.GetCurrentInstant();
        var branches = await db.BranchWorkflows.AsNoTracking().Where(b => b.RequestId == id).ToListAsync(cancellationToken);
        var clocks = await db.Clocks.AsNoTracking().Where(c => c.SubjectId == id).OrderBy(c => c.StartedAt).ToListAsync(cancellationToken);
        var timeline = await db.Timeline.AsNoTracking().Where(t => t.SubjectId == id).OrderBy(t => t.Id).ToListAsync(cancellationToken);

        var transport = await TransportStatesAsync(db, branches.Select(b => b.CorrelationId).ToList(), cancellationToken);
        var targets = request.Content.Targets.Select(country =>
        {
            var branch = branches.SingleOrDefault(b => b.TargetNode == country);
            var branchStatus = branch?.CurrentState ?? (status == "Approved" ? "Transmitting" : "NotTransmitted");
            return new TargetView(country, branch?.CorrelationId, branchStatus, branch is null ? "none" : transport.GetValueOrDefault(branch.CorrelationId, "sent"),
                branch?.TransmittedAt,
                branch?.RemoteCaseReference, branch?.RefusalGrounds?.Split(',') ?? [],
                branch is null ? [] : RequestSteps.AllowedOnBranch(branchMachine, branchStatus, user, request.OfficeCode));
        }).ToList();

        var restricted = (request.ChildVictimPriority || request.Content.HasChildVictim(request.CreatedAt.InUtc().Date))
            && !ChildProtection.Handles(user, request.OfficeCode);
        var content = restricted ? ChildProtection.Redact(request.Content, request.CreatedAt.InUtc().Date) : request.Content;
        return TypedResults.Ok(new Response(request.Id, request.Reference, request.OfficeCode, request.CreatedBy, request.CreatedAt, request.UpdatedAt,
            request.Revision, status, request.ChildVictimPriority, restricted, content, targets,
            clocks.Select(c => ClockView.From(c, now)).ToList(), timeline.Select(TimelineView.From).ToList(),
            await db.OutgoingRequestWorkflows.AsNoTracking().Where(w => w.CorrelationId == id).Select(w => w.NoteCount).SingleOrDefaultAsync(cancellationToken),
            RequestSteps.AllowedOnRequest(requestMachine, status, user, request.OfficeCode)));
    }

    /// <summary>For branches with cross-border messages still in the outbox: queued, or retrying after a refusal.</summary>
    static async Task<Dictionary<Guid, string>> TransportStatesAsync(NodeDbContext db, IReadOnlyList<Guid> branches, CancellationToken cancellationToken)
    {
        var pending = await db.Set<Engine.Outbox.OutboxMessage>().AsNoTracking()
            .Where(m => m.NotBefore == null && m.DestinationAddress != null && m.DestinationAddress.Contains("-inbound"))
            .Select(m => new { m.Body, m.Attempts }).ToListAsync(cancellationToken);
        var states = new Dictionary<Guid, string>();
        foreach (var branch in branches)
        {
            var key = branch.ToString("D");
            var rows = pending.Where(m => m.Body.Contains(key, StringComparison.OrdinalIgnoreCase)).ToList();
            if (rows.Count > 0)
                states[branch] = rows.Any(m => m.Attempts > 0) ? "retrying" : "queued";
        }
        return states;
    }
}
