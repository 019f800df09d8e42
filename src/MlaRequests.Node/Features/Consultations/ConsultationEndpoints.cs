using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Domain.Cases;
using MlaRequests.Node.Features.Incoming;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Features.Consultations;

/// <summary>
/// The consultations of a branch (UNTOC Art. 18(26)), read on both sides: <c>GET /api/requests/{id}/targets/{country}/consultations</c>
/// on the requesting node (answered with the branch steps <c>accept-consultation</c>, <c>answer-consultation</c> or
/// <c>withdraw-country</c>), <c>GET /api/incoming/{id}/consultations</c> on the requested node (opened with the step <c>consult</c>).
/// The conditions of an acceptance are in both sides' GET answers (<see cref="ConditionsAsync"/>).
/// </summary>
public static class ConsultationEndpoints
{
    /// <summary>A condition as both sides see it.</summary>
    /// <param name="Position">Its 1-based position.</param>
    /// <param name="Kind">UseLimitedToProceedings, Confidentiality, CostsBorneByRequestingParty or Other.</param>
    /// <param name="Text">Its wording.</param>
    public sealed record ConditionView(int Position, string Kind, string Text);

    /// <summary>A consultation as both sides see it.</summary>
    /// <param name="Id">The consultation, the same on both nodes.</param>
    /// <param name="Purpose">Conditions, IntendedRefusal or IntendedPostponement.</param>
    /// <param name="Grounds">Refusal or postponement ground codes.</param>
    /// <param name="Conditions">The proposed conditions.</param>
    /// <param name="Reasons">The reasons.</param>
    /// <param name="OpenedBy">Who opened it.</param>
    /// <param name="OpenedAt">When.</param>
    /// <param name="Decision">Accepted or Supplied, once answered.</param>
    /// <param name="Answer">The supplied information or the note with an acceptance.</param>
    /// <param name="AnsweredBy">Who answered.</param>
    /// <param name="AnsweredAt">When.</param>
    public sealed record View(Guid Id, string Purpose, IReadOnlyList<string> Grounds, IReadOnlyList<ConditionView> Conditions, string Reasons, string OpenedBy,
        Instant OpenedAt, string? Decision, string? Answer, string? AnsweredBy, Instant? AnsweredAt);

    /// <summary>Maps the two reads.</summary>
    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/requests/{id:guid}/targets/{country}/consultations", OfBranchAsync).WithTags("Requests").RequireAuthorization()
            .WithName("ListBranchConsultations").WithSummary("List the consultations a requested country opened before refusing or postponing, with the answers");
        endpoints.MapGet("/api/incoming/{id:guid}/consultations", OfCaseAsync).WithTags("Incoming").RequireAuthorization()
            .WithName("ListIncomingConsultations").WithSummary("List the consultations opened with the requesting country about a received request, with the answers");
        return endpoints;
    }

    /// <summary>The consultations of <paramref name="branchId"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<View>> ListAsync(NodeDbContext db, Guid branchId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var conditions = await db.CaseConditions.AsNoTracking().Where(c => c.BranchId == branchId && c.ConsultationId != null).ToListAsync(ct);
        return (await db.Consultations.AsNoTracking().Where(c => c.BranchId == branchId).ToListAsync(ct)).OrderBy(c => c.OpenedAt)
            .Select(c => new View(c.Id, c.Purpose, c.Grounds.Split(',', StringSplitOptions.RemoveEmptyEntries),
                conditions.Where(x => x.ConsultationId == c.Id).OrderBy(x => x.Position).Select(x => new ConditionView(x.Position, x.Kind, x.Text)).ToList(),
                c.Reasons, c.OpenedBy, c.OpenedAt, c.Decision, c.Answer, c.AnsweredBy, c.AnsweredAt)).ToList();
    }

    /// <summary>The conditions under which the requested country accepted <paramref name="branchId"/> (empty: none, or not accepted under conditions).</summary>
    public static async Task<IReadOnlyList<ConditionView>> ConditionsAsync(NodeDbContext db, Guid branchId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.CaseConditions.AsNoTracking().Where(c => c.BranchId == branchId && c.ConsultationId == null).ToListAsync(ct))
            .OrderBy(c => c.Position).Select(c => new ConditionView(c.Position, c.Kind, c.Text)).ToList();
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
        var found = await db.IncomingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null || !IncomingQueries.MaySee(user, found))
            return TypedResults.NotFound();
        return TypedResults.Ok(await ListAsync(db, id, ct));
    }
}
