using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Timeline;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Incoming;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using NodaTime;
using NodaTime.Text;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Workflows.Shared;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.IncomingCases;

namespace MlaRequests.Node.Features.Milestones;

/// <summary>
/// Shared milestones of linked cases (parallel and mirror investigations, joint investigation
/// teams): either side proposes one (e.g. a common action day), each side confirms it, and both the
/// proposal and each confirmation travel to the other node.
/// <c>/api/requests/{id}/targets/{country}/milestones</c> on the requesting node,
/// <c>/api/incoming/{id}/milestones</c> on the requested node.
/// </summary>
public static class MilestoneEndpoints
{
    static readonly string[] Final =
    [
        nameof(BranchStateMachine.Completed), nameof(BranchStateMachine.Refused), nameof(BranchStateMachine.Withdrawn), nameof(IncomingCaseStateMachine.Closed),
    ];

    /// <summary>A proposed milestone.</summary>
    /// <param name="Title">What it is.</param>
    /// <param name="Date">The date proposed.</param>
    public sealed record ProposeBody(string? Title, LocalDate? Date);

    /// <summary>A milestone as both sides see it.</summary>
    /// <param name="Id">The milestone.</param>
    /// <param name="Title">What it is.</param>
    /// <param name="Date">The agreed date.</param>
    /// <param name="ProposedBy">The proposing node.</param>
    /// <param name="ConfirmedByRequestingAt">When the requesting side confirmed.</param>
    /// <param name="ConfirmedByRequestedAt">When the requested side confirmed.</param>
    public sealed record View(Guid Id, string Title, LocalDate Date, string ProposedBy, Instant? ConfirmedByRequestingAt, Instant? ConfirmedByRequestedAt);

    /// <summary>Maps the milestone endpoints.</summary>
    public static IEndpointRouteBuilder MapMilestones(this IEndpointRouteBuilder endpoints)
    {
        var reads = endpoints.MapGroup("/api").WithTags("Milestones").RequireAuthorization();
        reads.MapGet("/requests/{id:guid}/targets/{country}/milestones", async (Guid id, string country, StepServices s, CancellationToken ct) =>
            await RequestSideAsync(id, country, s, ct) is { } side ? Results.Ok(await ListAsync(s.Db, side.BranchId, ct)) : Results.NotFound());
        reads.MapGet("/incoming/{id:guid}/milestones", async (Guid id, StepServices s, CancellationToken ct) =>
            await IncomingSideAsync(id, s, ct) is { } side ? Results.Ok(await ListAsync(s.Db, side.BranchId, ct)) : Results.NotFound());

        var commands = endpoints.MapGroup("/api").WithTags("Milestones").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        commands.MapPost("/requests/{id:guid}/targets/{country}/milestones", async (Guid id, string country, ProposeBody body, StepServices s, CancellationToken ct) =>
            await RequestSideAsync(id, country, s, ct) is { } side ? await ProposeAsync(side, body, s, ct) : Results.NotFound());
        commands.MapPost("/requests/{id:guid}/targets/{country}/milestones/{milestoneId:guid}/confirm",
            async (Guid id, string country, Guid milestoneId, StepServices s, CancellationToken ct) =>
                await RequestSideAsync(id, country, s, ct) is { } side ? await ConfirmAsync(side, milestoneId, s, ct) : Results.NotFound());
        commands.MapPost("/incoming/{id:guid}/milestones", async (Guid id, ProposeBody body, StepServices s, CancellationToken ct) =>
            await IncomingSideAsync(id, s, ct) is { } side ? await ProposeAsync(side, body, s, ct) : Results.NotFound());
        commands.MapPost("/incoming/{id:guid}/milestones/{milestoneId:guid}/confirm", async (Guid id, Guid milestoneId, StepServices s, CancellationToken ct) =>
            await IncomingSideAsync(id, s, ct) is { } side ? await ConfirmAsync(side, milestoneId, s, ct) : Results.NotFound());
        return endpoints;
    }

    /// <summary>This node's side of a linked case.</summary>
    sealed record Side(Guid SubjectId, Guid BranchId, string OtherNode, bool Requesting, RequestKind Kind, string Status, bool MayAct, string Link);

    static async Task<Side?> RequestSideAsync(Guid id, string country, StepServices s, CancellationToken ct)
    {
        if (await RequestQueries.FindAsync(s.Db, id, s.User, ct) is not var (request, _))
            return null;
        var branchId = DeterministicGuid.Branch(id, country);
        var status = await s.Db.BranchWorkflows.AsNoTracking().Where(b => b.CorrelationId == branchId).Select(b => b.CurrentState).SingleOrDefaultAsync(ct);
        return status is null ? null : new Side(id, branchId, country, true, request.Content.Kind, status, ChildProtection.Handles(s.User, request.OfficeCode),
            $"/api/requests/{id}/targets/{country}/milestones");
    }

    static async Task<Side?> IncomingSideAsync(Guid id, StepServices s, CancellationToken ct)
    {
        if (!IncomingQueries.MaySee(s.User))
            return null;
        var found = await s.Db.IncomingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null || !IncomingQueries.MaySee(s.User, found))
            return null;
        var status = await s.Db.IncomingCaseWorkflows.AsNoTracking().Where(w => w.CorrelationId == id).Select(w => w.CurrentState).SingleOrDefaultAsync(ct)
            ?? nameof(IncomingCaseStateMachine.Received);
        return new Side(id, id, found.RequestingNode, false, found.Content.Kind, status, s.User.IsInRole(Roles.LiaisonOfficer), $"/api/incoming/{id}/milestones");
    }

    static async Task<List<View>> ListAsync(NodeDbContext db, Guid branchId, CancellationToken ct) =>
        (await db.Milestones.AsNoTracking().Where(m => m.BranchId == branchId).ToListAsync(ct))
        .OrderBy(m => m.Date).Select(m => new View(m.Id, m.Title, m.Date, m.ProposedBy, m.ConfirmedByRequestingAt, m.ConfirmedByRequestedAt)).ToList();

    static IResult? Refusal(Side side)
    {
        if (!side.MayAct)
            return TypedResults.Forbid();
        if (side.Kind is not (RequestKind.ParallelInvestigation or RequestKind.MirrorInvestigation or RequestKind.JointInvestigationTeam))
            return TypedResults.Problem(new ProblemDetails { Title = "No linked cases", Status = 409, Detail = $"Milestones belong to parallel, mirror and JIT cases; this is a {side.Kind}." });
        if (Final.Contains(side.Status))
            return TypedResults.Problem(new ProblemDetails { Title = "The case is closed", Status = 409, Detail = $"The case is {side.Status}." });
        return null;
    }

    static async Task<IResult> ProposeAsync(Side side, ProposeBody body, StepServices s, CancellationToken ct)
    {
        if (Refusal(side) is { } refusal)
            return refusal;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 200)
            errors["title"] = ["A title of 1 to 200 characters is required."];
        var today = NodeTime.Today(s.NodeCode, s.Now);
        if (body.Date is null)
            errors["date"] = ["The milestone's date is required."];
        else if (body.Date < today.PlusYears(-s.Limits.DateWindowYears) || body.Date > today.PlusYears(s.Limits.DateWindowYears))
            errors["date"] = [ProblemTexts.DateRange.Format(LocalDatePattern.Iso.Format(today.PlusYears(-s.Limits.DateWindowYears)),
                LocalDatePattern.Iso.Format(today.PlusYears(s.Limits.DateWindowYears)))];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var node = s.NodeCode;
        var milestone = new Milestone { Id = NewId.NextGuid(), BranchId = side.BranchId, Title = body.Title!.Trim(), Date = body.Date!.Value, ProposedBy = node };
        Mark(milestone, side.Requesting, s.Now);
        var view = new View(milestone.Id, milestone.Title, milestone.Date, node, milestone.ConfirmedByRequestingAt, milestone.ConfirmedByRequestedAt);
        await s.Commands.CommitAsync(db =>
        {
            db.Milestones.Add(milestone);
            db.Timeline.Add(Entry(side, s, TimelineTexts.MilestoneProposed.Format(), TimelineTexts.MilestoneDetails.Format(milestone.Title, milestone.Date)));
            CrossBorderQueue.Message(db, side.OtherNode,
                new MilestoneProposed(side.BranchId, milestone.Id, milestone.Title, milestone.Date, node, s.User.UserName(), s.Now), s.Now);
            return Task.CompletedTask;
        }, StatusCodes.Status201Created, view, side.Link, ct);
        return TypedResults.Created(side.Link, view);
    }

    static async Task<IResult> ConfirmAsync(Side side, Guid milestoneId, StepServices s, CancellationToken ct)
    {
        if (Refusal(side) is { } refusal)
            return refusal;
        var existing = await s.Db.Milestones.AsNoTracking().SingleOrDefaultAsync(m => m.Id == milestoneId && m.BranchId == side.BranchId, ct);
        if (existing is null)
            return TypedResults.NotFound();
        if ((side.Requesting ? existing.ConfirmedByRequestingAt : existing.ConfirmedByRequestedAt) is not null)
            return TypedResults.Problem(new ProblemDetails { Title = "Already confirmed", Status = 409, Detail = "This side already confirmed the milestone." });

        var node = s.NodeCode;
        await s.Commands.CommitAsync(async db =>
        {
            Mark(await db.Milestones.SingleAsync(m => m.Id == milestoneId, ct), side.Requesting, s.Now);
            db.Timeline.Add(Entry(side, s, TimelineTexts.MilestoneConfirmed.Format(), TimelineTexts.MilestoneDetails.Format(existing.Title, existing.Date)));
            CrossBorderQueue.Message(db, side.OtherNode, new MilestoneConfirmed(side.BranchId, milestoneId, node, s.User.UserName(), s.Now), s.Now);
        }, StatusCodes.Status202Accepted, new StepResult(milestoneId, "confirm", side.Status), side.Link, ct);
        return TypedResults.Accepted(side.Link, new StepResult(milestoneId, "confirm", side.Status));
    }

    static void Mark(Milestone milestone, bool requestingSide, Instant at)
    {
        if (requestingSide)
            milestone.ConfirmedByRequestingAt = at;
        else
            milestone.ConfirmedByRequestedAt = at;
    }

    static TimelineEntry Entry(Side side, StepServices s, string action, string details) => new()
    {
        SubjectId = side.SubjectId, BranchId = side.BranchId, Country = side.OtherNode, At = s.Now, Actor = s.User.UserName(), Action = action,
        Status = "Milestones", Details = details,
    };
}
