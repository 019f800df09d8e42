using MlaRequests.Workflows.Shared;
using MlaRequests.Domain;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Consultations;
using MlaRequests.Node.Features.Measures;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.IncomingCases;
using NodaTime;

namespace MlaRequests.Node.Features.Incoming;

/// <summary><c>GET /api/incoming/{id}</c>: a received request with its status, clocks, timeline, measures, the conditions of an acceptance under conditions and the steps the caller may take (an executor: only a case assigned to them, else 404).</summary>
public static class GetIncoming
{
    /// <summary>An incoming case.</summary>
    public sealed record Response(Guid Id, string Reference, string RemoteReference, string RequestingNode, Instant ReceivedAt, string Status,
        bool Urgent, string? AssignedTo, string? DomesticCaseReference, bool ContentRestricted, RequestContent Content,
        IReadOnlyList<ClockView> Clocks, IReadOnlyList<TimelineView> Timeline, IReadOnlyList<string> AllowedSteps, IReadOnlyList<MeasureView> Measures,
        IReadOnlyList<ConsultationEndpoints.ConditionView> Conditions, string? FileNumber = null);

    internal static async Task<Results<Ok<Response>, NotFound, ForbidHttpResult>> Handle(Guid id, ClaimsPrincipal user, NodeDbContext db, IClock clock, WorkflowNode node,
        IncomingCaseStateMachine machine, CancellationToken cancellationToken)
    {
        if (!IncomingQueries.MaySee(user))
            return TypedResults.Forbid();
        var found = await db.IncomingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null || !IncomingQueries.MaySee(user, found))
            return TypedResults.NotFound();
        var workflow = await db.IncomingCaseWorkflows.AsNoTracking().SingleOrDefaultAsync(w => w.CorrelationId == id, cancellationToken);
        var status = workflow?.CurrentState ?? nameof(IncomingCaseStateMachine.Received);
        var now = clock.GetCurrentInstant();
        var clocks = await db.Clocks.AsNoTracking().Where(c => c.SubjectId == id).OrderBy(c => c.StartedAt).ToListAsync(cancellationToken);
        var timeline = await db.Timeline.AsNoTracking().Where(t => t.SubjectId == id).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var receivedOn = NodeTime.Today(node.Code, found.ReceivedAt);
        var restricted = found.Content.HasChildVictim(receivedOn) && !IncomingQueries.Handles(user, found);
        var content = restricted ? ChildProtection.Redact(found.Content, receivedOn) : found.Content;
        return TypedResults.Ok(new Response(found.Id, found.Reference, found.RemoteReference, found.RequestingNode, found.ReceivedAt, status,
            found.Urgent, found.AssignedTo, found.DomesticCaseReference, restricted, content, clocks.Select(c => ClockView.From(c, now)).ToList(),
            timeline.Select(TimelineView.From).ToList(), IncomingSteps.Allowed(machine, status, user, workflow),
            await MeasureView.ForAsync(db, id, found.Content, withProposals: true, cancellationToken),
            await ConsultationEndpoints.ConditionsAsync(db, id, cancellationToken), found.FileNumber));
    }
}
