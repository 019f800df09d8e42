using MlaRequests.Domain;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Hosting;
using NodaTime;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Features.Requests;

/// <summary><c>PUT /api/requests/{id}</c>: the owning office's prosecutor replaces the content of a draft.</summary>
public static class EditRequest
{
    /// <summary>The new revision.</summary>
    /// <param name="Id">The request.</param>
    /// <param name="Revision">Its revision after the edit.</param>
    /// <param name="Warnings">The warnings submit would return (<see cref="SubmitReview.Warnings(RequestContent, string, Instant)"/>), shown while the prosecutor writes.</param>
    public sealed record Response(Guid Id, int Revision, IReadOnlyList<ContentWarning>? Warnings = null);

    internal static async Task<Results<Ok<Response>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RequestContent content, ClaimsPrincipal user, Persistence.NodeDbContext db, CommandContext commands, IClock clock,
        IOptions<NodeOptions> node, InputLimits limits, CancellationToken cancellationToken)
    {
        if (await RequestQueries.FindAsync(db, id, user, cancellationToken) is not var (found, status))
            return TypedResults.NotFound();
        if (!user.IsInRole(Roles.Prosecutor) || user.Office() != found.OfficeCode)
            return TypedResults.Forbid();
        if (status != nameof(OutgoingRequestStateMachine.Draft))
            return TypedResults.Problem(StepProblems.NotAllowed("edit", status, ["only a draft can be edited"]));
        var errors = ContentChecks.Shape(content, node.Value.Code, limits, NodeTime.Today(node.Value.Code, clock.GetCurrentInstant()));
        foreach (var (field, problems) in FollowUpRules.InputProblems(content.FollowsUp, found.Content.FollowsUp))
            errors[field] = problems;
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var revision = found.Revision + 1;
        var response = new Response(id, revision, SubmitReview.Warnings(content, node.Value.Code, clock.GetCurrentInstant()));
        await commands.CommitAsync(async context =>
        {
            var request = await context.Requests.SingleAsync(r => r.Id == id, cancellationToken);
            content.FollowsUp = request.Content.FollowsUp; // the link to an earlier request stays as the node set it
            request.SetContent(content);
            request.Revision = revision;
            request.UpdatedAt = clock.GetCurrentInstant();
        }, StatusCodes.Status200OK, response, null, cancellationToken);
        return TypedResults.Ok(response);
    }
}
