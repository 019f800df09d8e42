using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Node.Features.Incoming;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Features.Enquiries;

/// <summary>
/// The status enquiries of a branch (UNTOC Art. 18(24)), read on both sides:
/// <c>GET /api/requests/{id}/targets/{country}/enquiries</c> on the requesting node (sent with the branch step <c>enquire</c>),
/// <c>GET /api/incoming/{id}/enquiries</c> on the requested node (answered with the incoming step <c>answer-enquiry</c>).
/// </summary>
public static class EnquiryEndpoints
{
    /// <summary>A status enquiry as both sides see it.</summary>
    /// <param name="Id">The enquiry (the <c>enquiryId</c> of <c>answer-enquiry</c>).</param>
    /// <param name="Question">What was asked and why.</param>
    /// <param name="Automatic">True when the requesting node sent it itself because a clock escalated.</param>
    /// <param name="AskedBy">Who asked.</param>
    /// <param name="AskedAt">When.</param>
    /// <param name="Answer">The answer, once given.</param>
    /// <param name="AnsweredBy">Who answered.</param>
    /// <param name="AnsweredAt">When.</param>
    public sealed record View(Guid Id, string Question, bool Automatic, string AskedBy, Instant AskedAt, string? Answer, string? AnsweredBy,
        Instant? AnsweredAt);

    /// <summary>Maps the two reads.</summary>
    public static IEndpointRouteBuilder MapEnquiries(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/requests/{id:guid}/targets/{country}/enquiries", OfBranchAsync).WithTags("Requests").RequireAuthorization()
            .WithName("ListBranchEnquiries").WithSummary("List the status enquiries sent to one requested country, with their answers");
        endpoints.MapGet("/api/incoming/{id:guid}/enquiries", OfCaseAsync).WithTags("Incoming").RequireAuthorization()
            .WithName("ListIncomingEnquiries").WithSummary("List the status enquiries the requesting country sent about a received request");
        return endpoints;
    }

    /// <summary>The enquiries of <paramref name="branchId"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<View>> ListAsync(NodeDbContext db, Guid branchId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.StatusEnquiries.AsNoTracking().Where(e => e.BranchId == branchId).ToListAsync(ct))
            .OrderBy(e => e.AskedAt).Select(e => new View(e.Id, e.Question, e.Automatic, e.AskedBy, e.AskedAt, e.Answer, e.AnsweredBy, e.AnsweredAt)).ToList();
    }

    static async Task<Results<Ok<IReadOnlyList<View>>, NotFound>> OfBranchAsync(Guid id, string country, ClaimsPrincipal user, NodeDbContext db,
        CancellationToken ct)
    {
        var branchId = DeterministicGuid.Branch(id, country);
        if (await RequestQueries.FindAsync(db, id, user, ct) is null || !await db.BranchWorkflows.AsNoTracking().AnyAsync(b => b.CorrelationId == branchId, ct))
            return TypedResults.NotFound();
        return TypedResults.Ok(await ListAsync(db, branchId, ct));
    }

    static async Task<Results<Ok<IReadOnlyList<View>>, NotFound, ForbidHttpResult>> OfCaseAsync(Guid id, ClaimsPrincipal user, NodeDbContext db,
        CancellationToken ct)
    {
        if (!IncomingQueries.MaySee(user))
            return TypedResults.Forbid();
        if (!await db.IncomingCases.AsNoTracking().AnyAsync(c => c.Id == id, ct))
            return TypedResults.NotFound();
        return TypedResults.Ok(await ListAsync(db, id, ct));
    }
}
