using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary><c>GET /api/requests/{id}</c>: the request with its workflow status and acknowledgement clock.</summary>
public static class GetRequest
{
    /// <summary>A request as the API shows it.</summary>
    public sealed record Response(
        Guid Id, string Reference, string Summary, string RequestingNode, string TargetNode, string CreatedBy, Instant CreatedAt,
        string Status, Instant? ApprovedAt, Instant? AcknowledgementDueAt, Instant? AcknowledgedAt, Instant? EscalatedAt, int NoteCount);

    internal static async Task<Results<Ok<Response>, NotFound>> Handle(Guid id, NodeDbContext db, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (request is null)
            return TypedResults.NotFound();
        var workflow = await db.OutgoingRequestWorkflows.AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == id, cancellationToken);
        return TypedResults.Ok(new Response(
            request.Id, request.Reference, request.Summary, request.RequestingNode, request.TargetNode, request.CreatedBy, request.CreatedAt,
            workflow?.CurrentState ?? "Submitted", workflow?.ApprovedAt, workflow?.AcknowledgementDueAt, workflow?.AcknowledgedAt,
            workflow?.EscalatedAt, workflow?.NoteCount ?? 0));
    }
}
