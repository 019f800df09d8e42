using MlaRequests.Workflows.Shared;
using MlaRequests.Domain;
using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Consultations;
using MlaRequests.Node.Features.Measures;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Requests;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary><c>GET /api/requests/{id}</c>: status, each target's status and clocks, the timeline and the steps the caller may take now.</summary>
public static class GetRequest
{
    /// <summary>A request as the API shows it; <c>warnings</c> are what the liaison officer checks before approving (details asked for only
    /// where possible that are missing or stated unknown, unverified legal-basis entries), each naming its field.</summary>
    public sealed record Response(
        Guid Id, string Reference, string OfficeCode, string CreatedBy, Instant CreatedAt, Instant UpdatedAt, int Revision, string Status,
        bool ChildVictimPriority, bool ContentRestricted, RequestContent Content, IReadOnlyList<TargetView> Targets, IReadOnlyList<ClockView> Clocks,
        IReadOnlyList<TimelineView> Timeline, int NoteCount, IReadOnlyList<string> AllowedSteps, IReadOnlyList<Domain.Requests.Validation.ContentWarning>? Warnings = null);

    /// <summary>One requested country's branch.</summary>
    /// <param name="Country">The requested country.</param>
    /// <param name="BranchId">The branch.</param>
    /// <param name="Status">Its status.</param>
    /// <param name="TransportState">The transport state of the branch's latest cross-border message: queued, sent, delivered
    /// (the receiver's signed receipt came back), retrying or failed; <c>none</c> before anything was sent.</param>
    /// <param name="TransmittedAt">When it was transmitted.</param>
    /// <param name="RemoteCaseReference">The requested country's linked domestic case.</param>
    /// <param name="RefusalGrounds">Refusal ground codes, if refused.</param>
    /// <param name="AllowedSteps">Steps the caller may take on this branch now.</param>
    /// <param name="Measures">Each requested measure with the result the requested country reported (pending until it reports one).</param>
    /// <param name="Conditions">The conditions under which the requested country accepted the request (UNTOC Art. 18(26)); empty when none.</param>
    /// <param name="LegalBasis">The instrument relied on towards this country (its own, else the request's); null when none is chosen yet.</param>
    /// <param name="RemoteFileNumber">The requested office's own file number, sent with its registration; null before it registered the request
    /// or when it runs a release before 4.</param>
    public sealed record TargetView(string Country, Guid? BranchId, string Status, string TransportState, Instant? TransmittedAt,
        string? RemoteCaseReference, IReadOnlyList<string> RefusalGrounds, IReadOnlyList<string> AllowedSteps, IReadOnlyList<MeasureView> Measures,
        IReadOnlyList<ConsultationEndpoints.ConditionView> Conditions, string? LegalBasis = null,
        string? RemoteFileNumber = null);

    internal static async Task<Results<Ok<Response>, NotFound>> Handle(Guid id, ClaimsPrincipal user, NodeDbContext db, IClock clock, WorkflowNode node,
        OutgoingRequestStateMachine requestMachine, BranchStateMachine branchMachine, CancellationToken cancellationToken)
    {
        if (await RequestQueries.FindAsync(db, id, user, cancellationToken) is not var (request, status))
            return TypedResults.NotFound();
        var now = clock.GetCurrentInstant();
        var branches = await db.BranchWorkflows.AsNoTracking().Where(b => b.RequestId == id).ToListAsync(cancellationToken);
        var clocks = await db.Clocks.AsNoTracking().Where(c => c.SubjectId == id).OrderBy(c => c.StartedAt).ToListAsync(cancellationToken);
        var timeline = await db.Timeline.AsNoTracking().Where(t => t.SubjectId == id).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(cancellationToken);

        var transport = await TransportStatesAsync(db, branches.Select(b => b.CorrelationId).ToList(), cancellationToken);
        var measures = new Dictionary<Guid, IReadOnlyList<MeasureView>>();
        foreach (var branch in branches)
            measures[branch.CorrelationId] = await MeasureView.ForAsync(db, branch.CorrelationId, request.Content, withProposals: false, cancellationToken);
        var conditions = new Dictionary<Guid, IReadOnlyList<ConsultationEndpoints.ConditionView>>();
        foreach (var branch in branches)
            conditions[branch.CorrelationId] = await ConsultationEndpoints.ConditionsAsync(db, branch.CorrelationId, cancellationToken);
        var targets = request.Content.Targets.Select(country =>
        {
            var branch = branches.SingleOrDefault(b => b.TargetNode == country);
            var branchStatus = branch?.CurrentState ?? BranchStatus.Pending(status);
            return new TargetView(country, branch?.CorrelationId, branchStatus, branch is null ? "none" : transport.GetValueOrDefault(branch.CorrelationId, "none"),
                branch?.TransmittedAt,
                branch?.RemoteCaseReference, branch?.RefusalGrounds?.Split(',') ?? [],
                branch is null ? [] : RequestSteps.AllowedOnBranch(branchMachine, branchStatus, user, request.OfficeCode),
                branch is null ? [] : measures[branch.CorrelationId], branch is null ? [] : conditions[branch.CorrelationId],
                request.Content.BasisFor(country)?.ToString(), branch?.RemoteFileNumber);
        }).ToList();

        var createdOn = NodeTime.Today(node.Code, request.CreatedAt);
        var restricted = (request.ChildVictimPriority || request.Content.HasChildVictim(createdOn)) && !ChildProtection.Handles(user, request.OfficeCode);
        var content = restricted ? ChildProtection.Redact(request.Content, createdOn) : request.Content;
        return TypedResults.Ok(new Response(request.Id, request.Reference, request.OfficeCode, request.CreatedBy, request.CreatedAt, request.UpdatedAt,
            request.Revision, status, request.ChildVictimPriority, restricted, content, targets,
            clocks.Select(c => ClockView.From(c, now)).ToList(), timeline.Select(TimelineView.From).ToList(),
            await db.OutgoingRequestWorkflows.AsNoTracking().Where(w => w.CorrelationId == id).Select(w => w.NoteCount).SingleOrDefaultAsync(cancellationToken),
            RequestSteps.AllowedOnRequest(requestMachine, status, user, request.OfficeCode),
            status is nameof(OutgoingRequestStateMachine.Draft) or nameof(OutgoingRequestStateMachine.InReview)
                ? SubmitReview.Warnings(request.Content, node.Code, now)
                : SubmitReview.Of(request.Content, node.Code, now).Warnings));
    }

    /// <summary>The transport state of each branch's latest cross-border message.</summary>
    static async Task<Dictionary<Guid, string>> TransportStatesAsync(NodeDbContext db, IReadOnlyList<Guid> branches, CancellationToken cancellationToken)
    {
        var latest = await db.CrossBorderMessages.AsNoTracking()
            .Where(m => branches.Contains(m.CorrelationId) && m.Kind == Delivery.DeliveryStates.MessageKind)
            .GroupBy(m => m.CorrelationId)
            .Select(g => g.OrderByDescending(m => m.Id).Select(m => new { m.CorrelationId, m.State }).First())
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(m => m.CorrelationId, m => m.State.ToLowerInvariant());
    }
}
