using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Domain.Timeline;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Node.Features.Requests;

/// <summary>
/// A request that follows an earlier one to one country, started from the earlier request's branch by a prosecutor of its office:
/// <c>POST /api/requests/{id}/targets/{country}/supplementary</c> (new measures or persons in the same case) and
/// <c>POST …/after-refusal</c> (from a refused branch). Either opens a new draft addressed to that country only, prefilled from the
/// earlier request and linked to it (<see cref="FollowUp"/>); it is reviewed and approved like any request and goes to that country
/// as its own branch with its own clocks, where it opens a new incoming case linked to the earlier one. Both requests' timelines show
/// the link.
/// </summary>
public static class FollowUpRequest
{
    /// <summary>Maps the two POSTs under the request commands group.</summary>
    public static void Map(RouteGroupBuilder commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        commands.MapPost("/{id:guid}/targets/{country}/supplementary", (Guid id, string country, StepServices s, CancellationToken ct) =>
                StartAsync(FollowUpKind.Supplementary, id, country, s, ct))
            .WithName("DraftSupplementaryRequest").WithSummary("Draft a supplementary request to one requested country")
            .WithDescription("Opens a new draft to this country only, linked to this request, with its content but no measures: the prosecutor adds the new "
                + "measures or persons, then submits it for review. Prosecutors of the request's office; not for a country the request was withdrawn from.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        commands.MapPost("/{id:guid}/targets/{country}/after-refusal", (Guid id, string country, StepServices s, CancellationToken ct) =>
                StartAsync(FollowUpKind.AfterRefusal, id, country, s, ct))
            .WithName("DraftRequestAfterRefusal").WithSummary("Draft a new request after a refusal")
            .WithDescription("Opens a new draft to the country that refused, prefilled from this request and linked to it, to be amended and submitted "
                + "for review. Prosecutors of the request's office; only from a refused branch.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Starts the follow-up exactly as its endpoint does (the web UI's form calls this too).</summary>
    public static async Task<Results<Created<CreateRequest.Response>, NotFound, ForbidHttpResult, ProblemHttpResult>> StartAsync(FollowUpKind kind, Guid id,
        string country, StepServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (await RequestQueries.FindAsync(s.Db, id, s.User, ct) is not var (earlier, _))
            return TypedResults.NotFound();
        var branchId = DeterministicGuid.Branch(id, country);
        var status = await s.Db.BranchWorkflows.AsNoTracking().Where(b => b.CorrelationId == branchId).Select(b => b.CurrentState).SingleOrDefaultAsync(ct);
        if (status is null)
            return TypedResults.NotFound();
        if (!s.User.IsInRole(Roles.Prosecutor) || s.User.Office() != earlier.OfficeCode)
            return TypedResults.Forbid();
        if (FollowUpRules.NotAllowed(kind, status, status == nameof(BranchStateMachine.Refused), status == nameof(BranchStateMachine.Withdrawn)) is { } why)
            return TypedResults.Problem(new ProblemDetails { Title = ProblemTexts.NotAllowedTitle.Format(), Status = StatusCodes.Status409Conflict, Detail = why });

        var newId = NewId.NextGuid();
        var now = s.Now;
        var actor = s.User.UserName();
        CreateRequest.Response? response = null;
        await s.Commands.CommitAsync(async db =>
        {
            var reference = await References.NextAsync(db, s.NodeCode, s.NodeCode, now, ct);
            var request = new MlaRequest
            {
                Id = newId, Reference = reference, RequestingNode = s.NodeCode, OfficeCode = earlier.OfficeCode, CreatedBy = actor, CreatedAt = now,
                UpdatedAt = now, Revision = 1,
            };
            request.SetContent(FollowUpRules.Prefill(earlier.Content, kind, id, earlier.Reference, country));
            db.Requests.Add(request);
            var supplementary = kind == FollowUpKind.Supplementary;
            db.Timeline.Add(new TimelineEntry
            {
                SubjectId = id, BranchId = branchId, Country = country, At = now, Actor = actor, Status = status,
                Action = (supplementary ? TimelineTexts.SupplementaryDrafted : TimelineTexts.AfterRefusalDrafted).Format(),
                Details = TimelineTexts.FollowUpDetails.Format(reference),
            });
            db.Timeline.Add(new TimelineEntry
            {
                SubjectId = newId, Country = country, At = now, Actor = actor, Status = nameof(OutgoingRequestStateMachine.Draft),
                Action = (supplementary ? TimelineTexts.SupplementaryTo : TimelineTexts.AfterRefusalOf).Format(),
                Details = TimelineTexts.FollowUpDetails.Format(earlier.Reference),
            });
            s.Commands.Publish(new RequestDrafted(newId, reference, request.OfficeCode, actor, now));
            response = new CreateRequest.Response(newId, reference);
        }, StatusCodes.Status201Created, () => response, $"/api/requests/{newId}", ct);
        return TypedResults.Created($"/api/requests/{newId}", response);
    }
}
