using MlaRequests.Domain;
using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Requests;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary><c>POST /api/requests</c>: a prosecutor opens a draft. Incomplete content is allowed in draft; submission checks it.</summary>
public static class CreateRequest
{
    /// <summary>The new request.</summary>
    /// <param name="Id">Its id.</param>
    /// <param name="Reference">Its reference.</param>
    /// <param name="Warnings">The warnings submit would return (<see cref="SubmitReview.Warnings(RequestContent, string, Instant)"/>), shown while the prosecutor writes.</param>
    public sealed record Response(Guid Id, string Reference, IReadOnlyList<ContentWarning>? Warnings = null);

    internal static async Task<Results<Created<Response>, ValidationProblem, ForbidHttpResult>> Handle(
        RequestContent content, ClaimsPrincipal user, CommandContext commands, IClock clock, IOptions<NodeOptions> node, InputLimits limits,
        CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Prosecutor))
            return TypedResults.Forbid();
        var errors = ContentChecks.Shape(content, node.Value.Code, limits, NodeTime.Today(node.Value.Code, clock.GetCurrentInstant()));
        // A link to an earlier request is the node's to set (FollowUpRequest), never the client's.
        foreach (var (field, problems) in FollowUpRules.InputProblems(content.FollowsUp, null))
            errors[field] = problems;
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var id = NewId.NextGuid();
        var now = clock.GetCurrentInstant();
        Response? response = null;
        await commands.CommitAsync(async db =>
        {
            var reference = await References.NextAsync(db, node.Value.Code, node.Value.Code, now, cancellationToken);
            var request = new MlaRequest
            {
                Id = id, Reference = reference, RequestingNode = node.Value.Code, OfficeCode = user.Office(),
                CreatedBy = user.UserName(), CreatedAt = now, UpdatedAt = now, Revision = 1,
            };
            request.SetContent(content);
            db.Requests.Add(request);
            commands.Publish(new RequestDrafted(id, reference, request.OfficeCode, user.UserName(), now));
            response = new Response(id, reference, SubmitReview.Warnings(content, node.Value.Code, now));
        }, StatusCodes.Status201Created, () => response, $"/api/requests/{id}", cancellationToken);
        return TypedResults.Created($"/api/requests/{id}", response);
    }
}
