using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.OutgoingRequests;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary><c>POST /api/requests/{id}/approve</c>: a liaison officer releases a request under review.</summary>
public static class ApproveRequest
{
    /// <summary>Who approves.</summary>
    /// <param name="ApprovedBy">The liaison officer.</param>
    public sealed record Command(string? ApprovedBy);

    internal static async Task<Results<Accepted, NotFound, ValidationProblem, Conflict<ProblemDetails>>> Handle(
        Guid id, Command command, NodeDbContext db, DurableWriter writer, IClock clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.ApprovedBy))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["approvedBy"] = ["The approving liaison officer is required."] });
        if (!await db.Requests.AnyAsync(x => x.Id == id, cancellationToken))
            return TypedResults.NotFound();

        var state = await db.OutgoingRequestWorkflows.AsNoTracking()
            .Where(x => x.CorrelationId == id).Select(x => x.CurrentState).SingleOrDefaultAsync(cancellationToken);
        // No instance yet means the submission is still on its way to the workflow: the approval waits for it.
        if (state is not null && state != nameof(OutgoingRequestStateMachine.InReview))
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Title = "The request is not under review",
                Detail = $"Only a request in InReview can be approved; this one is {state}.",
                Status = StatusCodes.Status409Conflict,
            });
        }

        await writer.RunAsync(_ =>
        {
            writer.Publish(new OutgoingRequestApproved(id, command.ApprovedBy.Trim(), clock.GetCurrentInstant()));
            return Task.FromResult(id);
        }, cancellationToken);
        return TypedResults.Accepted($"/api/requests/{id}");
    }
}
