using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Persistence;
using NodaTime;
using MlaRequests.Workflows.IncomingCases;

namespace MlaRequests.Node.Features.Incoming;

/// <summary><c>GET /api/incoming?status=&amp;country=&amp;page=&amp;pageSize=</c>: requests received from other countries, newest first (an executor: those assigned to them).</summary>
public static class ListIncoming
{
    /// <summary>One row.</summary>
    public sealed record Item(Guid Id, string Reference, string RemoteReference, string RequestingNode, string Kind, string Status, bool Urgent,
        string? AssignedTo, Instant ReceivedAt, string? FileNumber = null);

    /// <summary>A page of rows.</summary>
    public sealed record Page(IReadOnlyList<Item> Items, int Total, int PageNumber, int PageSize);

    internal static async Task<Results<Ok<Page>, ForbidHttpResult, ValidationProblem>> Handle(ClaimsPrincipal user, NodeDbContext db,
        InputLimits limits, string? status, string? country, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!IncomingQueries.MaySee(user))
            return TypedResults.Forbid();
        var errors = Paging.Problems(page, pageSize);
        Paging.Text(errors, "status", status, limits);
        Paging.Text(errors, "country", country, limits);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var number = page ?? 1;
        var size = pageSize ?? Paging.DefaultPageSize;
        var query =
            from c in IncomingQueries.Visible(db.IncomingCases.AsNoTracking(), user)
            join w in db.IncomingCaseWorkflows.AsNoTracking() on c.Id equals w.CorrelationId into workflows
            from w in workflows.DefaultIfEmpty()
            select new { Case = c, Status = w == null ? nameof(IncomingCaseStateMachine.Received) : w.CurrentState };
        if (!string.IsNullOrWhiteSpace(status))
            query = query.Where(x => x.Status == status);
        if (!string.IsNullOrWhiteSpace(country))
            query = query.Where(x => x.Case.RequestingNode == country);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(x => x.Case.ReceivedAt).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page(rows.Select(x => new Item(x.Case.Id, x.Case.Reference, x.Case.RemoteReference, x.Case.RequestingNode,
            x.Case.Content.Kind.ToString(), x.Status, x.Case.Urgent, x.Case.AssignedTo, x.Case.ReceivedAt, x.Case.FileNumber)).ToList(), total, number, size));
    }
}
