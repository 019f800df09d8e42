using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Persistence;
using NodaTime;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Features.Requests;

/// <summary><c>GET /api/requests?status=&amp;country=&amp;q=&amp;page=&amp;pageSize=</c>: the caller's requests, newest first, paged on the server.</summary>
public static class ListRequests
{
    /// <summary>One row of the list; <paramref name="FileNumbers"/> are the requested offices' own file numbers, per country that registered the request.</summary>
    public sealed record Item(Guid Id, string Reference, string OfficeCode, string Kind, string Status, IReadOnlyList<string> Targets,
        bool Urgent, bool ChildVictimPriority, Instant CreatedAt, IReadOnlyList<TheirFileNumber>? FileNumbers = null);

    /// <summary>A requested country's own file number for the request.</summary>
    /// <param name="Country">The requested country.</param>
    /// <param name="FileNumber">Its office's file number.</param>
    public sealed record TheirFileNumber(string Country, string FileNumber);

    /// <summary>A page of rows.</summary>
    public sealed record Page(IReadOnlyList<Item> Items, int Total, int PageNumber, int PageSize);

    internal static async Task<Results<Ok<Page>, ValidationProblem>> Handle(ClaimsPrincipal user, NodeDbContext db, InputLimits limits, string? status,
        string? country, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = Paging.Problems(page, pageSize);
        Paging.Text(errors, "status", status, limits);
        Paging.Text(errors, "q", q, limits);
        if (country is not null && !NodeCode.IsKnown(country))
            errors["country"] = [$"Unknown country code '{country}'."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var number = page ?? 1;
        var size = pageSize ?? Paging.DefaultPageSize;

        var requests = db.Requests.AsNoTracking().VisibleTo(user);
        if (country is not null)
            requests = requests.Where(r => r.TargetCountries.Contains($",{country},"));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = $"%{q.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            requests = requests.Where(r => EF.Functions.Like(r.SearchText, pattern, "\\"));
        }
        var query =
            from r in requests
            join w in db.OutgoingRequestWorkflows.AsNoTracking() on r.Id equals w.CorrelationId into workflows
            from w in workflows.DefaultIfEmpty()
            select new { Request = r, Status = w == null ? nameof(OutgoingRequestStateMachine.Draft) : w.CurrentState };
        if (!string.IsNullOrWhiteSpace(status))
            query = query.Where(x => x.Status == status);

        var rows = await query.OrderByDescending(x => x.Request.CreatedAt).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        // A short page is the last one, so it tells the total; otherwise count, without a status filter on the requests'
        // indexes alone (no workflow joined, no row read). A search for something rare thus scans the index once, not twice.
        var total = (rows.Count > 0 && rows.Count < size) || (number == 1 && rows.Count == 0)
            ? ((number - 1) * size) + rows.Count
            : string.IsNullOrWhiteSpace(status) ? await requests.CountAsync(cancellationToken) : await query.CountAsync(cancellationToken);
        var ids = rows.Select(x => x.Request.Id).ToList();
        var numbers = (await db.BranchWorkflows.AsNoTracking().Where(b => ids.Contains(b.RequestId) && b.RemoteFileNumber != null)
                .Select(b => new { b.RequestId, b.TargetNode, b.RemoteFileNumber }).ToListAsync(cancellationToken))
            .ToLookup(b => b.RequestId, b => new TheirFileNumber(b.TargetNode, b.RemoteFileNumber!));
        var items = rows.Select(x => new Item(x.Request.Id, x.Request.Reference, x.Request.OfficeCode, x.Request.Content.Kind.ToString(), x.Status,
            x.Request.Content.Targets, x.Request.Content.Urgent || x.Request.ChildVictimPriority || x.Request.Content.HasDetainedPerson(), x.Request.ChildVictimPriority, x.Request.CreatedAt,
            numbers[x.Request.Id].OrderBy(n => n.Country, StringComparer.Ordinal).ToList())).ToList();
        return TypedResults.Ok(new Page(items, total, number, size));
    }
}
