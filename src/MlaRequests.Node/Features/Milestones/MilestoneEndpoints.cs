using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Domain.Timeline;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Incoming;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Shared;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Node.Features.Milestones;

/// <summary>This node's side of a linked case, as a milestone step sees it.</summary>
/// <param name="SubjectId">The request or incoming case.</param>
/// <param name="BranchId">The branch (the request itself for <see cref="MilestoneScope.Request"/>).</param>
/// <param name="OtherNode">The other country (null for a whole request).</param>
/// <param name="Requesting">True on the requesting node.</param>
/// <param name="Kind">The request's kind.</param>
/// <param name="Status">The branch's, case's or request's status.</param>
/// <param name="Office">The request's office (null on an incoming case).</param>
/// <param name="Link">The milestones' collection route.</param>
public sealed record MilestoneSide(Guid SubjectId, Guid BranchId, string? OtherNode, bool Requesting, RequestKind Kind, string Status, string? Office, string Link);

/// <summary>
/// The milestone endpoints, mapped from <see cref="MilestoneSteps.All"/>: a GET per scope lists the milestones with the steps the
/// caller may take on each; every step is checked in the order the other steps are (the caller may see the case: 404; may take
/// the step: 403; the case is linked and open and the milestone allows the step: 409; the input is complete: 400), then its changes,
/// its message to the other node, its audit row and its idempotency record commit together. This file holds the milestones of one
/// branch (the routes of the previous release); <see cref="SharedMilestoneEndpoints"/> those shared by several branches.
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

    /// <summary>A participating country's confirmation of a shared milestone.</summary>
    /// <param name="Country">The country.</param>
    /// <param name="Actor">Who confirmed.</param>
    /// <param name="At">When.</param>
    public sealed record ConfirmationView(string Country, string Actor, Instant At);

    /// <summary>A milestone as the sides see it.</summary>
    /// <param name="Id">The milestone, the same on every node.</param>
    /// <param name="Title">What it is.</param>
    /// <param name="Date">The agreed date.</param>
    /// <param name="ProposedBy">The proposing node.</param>
    /// <param name="ConfirmedByRequestingAt">When the requesting side confirmed (a shared milestone: when it was scheduled).</param>
    /// <param name="ConfirmedByRequestedAt">When the requested side confirmed (a shared milestone on a participating node: this country).</param>
    /// <param name="Shared">True for a milestone shared by several requested countries.</param>
    /// <param name="Status">Scheduled, Done or Cancelled.</param>
    /// <param name="Countries">The participating requested countries of a shared milestone (empty otherwise).</param>
    /// <param name="Confirmations">On the requesting node, each participating country's confirmation so far.</param>
    /// <param name="Reason">The reason of the last reschedule or the cancellation.</param>
    /// <param name="AllowedSteps">The steps the caller may take on it now.</param>
    public sealed record View(Guid Id, string Title, LocalDate Date, string ProposedBy, Instant? ConfirmedByRequestingAt, Instant? ConfirmedByRequestedAt,
        bool Shared, string Status, IReadOnlyList<string> Countries, IReadOnlyList<ConfirmationView> Confirmations, string? Reason,
        IReadOnlyList<string> AllowedSteps);

    /// <summary>Maps the milestone endpoints.</summary>
    public static IEndpointRouteBuilder MapMilestones(this IEndpointRouteBuilder endpoints)
    {
        var reads = endpoints.MapGroup("/api").WithTags("Milestones").RequireAuthorization();
        foreach (var scope in Enum.GetValues<MilestoneScope>())
        {
            var pattern = MilestoneSteps.All.First(s => s.Scope == scope && !s.OnMilestone).Pattern;
            var read = scope == MilestoneScope.Branch
                ? reads.MapGet(pattern, (Guid id, string country, StepServices s, CancellationToken ct) => ReadAsync(scope, id, country, s, ct))
                : reads.MapGet(pattern, (Guid id, StepServices s, CancellationToken ct) => ReadAsync(scope, id, null, s, ct));
            read
                .WithSummary(scope switch
                {
                    MilestoneScope.Branch => "List the milestones of this branch",
                    MilestoneScope.Incoming => "List the milestones of this case, shared ones included",
                    _ => "List the milestones shared by several requested countries, with each country's confirmation",
                })
                .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(List<View>), ["application/json"]))
                .ProducesProblem(StatusCodes.Status404NotFound);
        }

        var commands = endpoints.MapGroup("/api").WithTags("Milestones").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>();
        foreach (var step in MilestoneSteps.All)
            Describe(Map(commands, step), step);
        return endpoints;
    }

    static async Task<IResult> ReadAsync(MilestoneScope scope, Guid id, string? country, StepServices s, CancellationToken ct) =>
        await SideAsync(scope, id, country, s, ct) is { } side ? Results.Ok(await ListAsync(side, s, ct)) : Results.NotFound();

    static RouteHandlerBuilder Map(RouteGroupBuilder group, MilestoneStep step) => step.Body switch
    {
        null => MapBare(group, step),
        var t when t == typeof(ProposeBody) => MapWith<ProposeBody>(group, step),
        var t when t == typeof(SharedMilestoneEndpoints.ScheduleBody) => MapWith<SharedMilestoneEndpoints.ScheduleBody>(group, step),
        var t when t == typeof(SharedMilestoneEndpoints.RescheduleBody) => MapWith<SharedMilestoneEndpoints.RescheduleBody>(group, step),
        var t when t == typeof(SharedMilestoneEndpoints.CancelBody) => MapWith<SharedMilestoneEndpoints.CancelBody>(group, step),
        var t => throw new InvalidOperationException($"No mapping for the milestone body {t.Name}."),
    };

    /// <summary>A step with a JSON body, with exactly the route's parameters (so the API document names no others).</summary>
    static RouteHandlerBuilder MapWith<TBody>(RouteGroupBuilder group, MilestoneStep step)
        where TBody : class => (step.Scope == MilestoneScope.Branch, step.OnMilestone) switch
        {
            (true, false) => group.MapPost(step.Pattern, (Guid id, string country, TBody body, StepServices s, CancellationToken ct) =>
                TakeAsync(step, id, country, null, body, s, ct)),
            (true, true) => group.MapPost(step.Pattern, (Guid id, string country, Guid milestoneId, TBody body, StepServices s, CancellationToken ct) =>
                TakeAsync(step, id, country, milestoneId, body, s, ct)),
            (false, false) => group.MapPost(step.Pattern, (Guid id, TBody body, StepServices s, CancellationToken ct) => TakeAsync(step, id, null, null, body, s, ct)),
            (false, true) => group.MapPost(step.Pattern, (Guid id, Guid milestoneId, TBody body, StepServices s, CancellationToken ct) =>
                TakeAsync(step, id, null, milestoneId, body, s, ct)),
        };

    /// <summary>A step without a body (every one is on an existing milestone).</summary>
    static RouteHandlerBuilder MapBare(RouteGroupBuilder group, MilestoneStep step) => step.Scope == MilestoneScope.Branch
        ? group.MapPost(step.Pattern, (Guid id, string country, Guid milestoneId, StepServices s, CancellationToken ct) =>
            TakeAsync(step, id, country, milestoneId, null, s, ct))
        : group.MapPost(step.Pattern, (Guid id, Guid milestoneId, StepServices s, CancellationToken ct) => TakeAsync(step, id, null, milestoneId, null, s, ct));

    static void Describe(RouteHandlerBuilder endpoint, MilestoneStep step)
    {
        endpoint.WithSummary(step.Summary).WithDescription($"{step.Description} {step.Who} may take it.");
        if (step.Body is not null)
            endpoint.Accepts(step.Body, "application/json");
        endpoint.WithMetadata(step.OnMilestone
                ? new ProducesResponseTypeMetadata(StatusCodes.Status202Accepted, typeof(StepResult), ["application/json"])
                : new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(View), ["application/json"]))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
    }

    /// <summary>
    /// Takes <paramref name="step"/> as its endpoint does (the web UI's forms call this too): 404 when the caller may not see the case,
    /// 403 when it may not act, 409 when the case is not linked or closed, then the step's own handler.
    /// </summary>
    public static async Task<IResult> TakeAsync(MilestoneStep step, Guid id, string? country, Guid? milestoneId, object? body, StepServices s,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(s);
        if (await SideAsync(step.Scope, id, country, s, ct) is not { } side)
            return TypedResults.NotFound();
        if (!step.MayAct(s.User, side.Office))
            return TypedResults.Forbid();
        if (side.Kind is not (RequestKind.ParallelInvestigation or RequestKind.MirrorInvestigation or RequestKind.JointInvestigationTeam))
            return TypedResults.Problem(new ProblemDetails { Title = "No linked cases", Status = 409, Detail = $"Milestones belong to parallel, mirror and JIT cases; this is a {side.Kind}." });
        if (Final.Contains(side.Status))
            return TypedResults.Problem(new ProblemDetails { Title = "The case is closed", Status = 409, Detail = $"The case is {side.Status}." });
        return await step.Handler(new MilestoneStepContext(side, milestoneId, body, s, ct));
    }

    /// <summary>This node's side of the case in <paramref name="scope"/>, or null when the caller may not see it.</summary>
    public static async Task<MilestoneSide?> SideAsync(MilestoneScope scope, Guid id, string? country, StepServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (scope == MilestoneScope.Incoming)
        {
            if (!IncomingQueries.MaySee(s.User))
                return null;
            var found = await s.Db.IncomingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
            if (found is null || !IncomingQueries.MaySee(s.User, found))
                return null;
            var state = await s.Db.IncomingCaseWorkflows.AsNoTracking().Where(w => w.CorrelationId == id).Select(w => w.CurrentState).SingleOrDefaultAsync(ct)
                ?? nameof(IncomingCaseStateMachine.Received);
            return new MilestoneSide(id, id, found.RequestingNode, false, found.Content.Kind, state, null, $"/api/incoming/{id}/milestones");
        }
        if (await RequestQueries.FindAsync(s.Db, id, s.User, ct) is not var (request, requestStatus))
            return null;
        if (scope == MilestoneScope.Request)
            return new MilestoneSide(id, id, null, true, request.Content.Kind, requestStatus, request.OfficeCode, $"/api/requests/{id}/milestones");
        var branchId = DeterministicGuid.Branch(id, country ?? string.Empty);
        var status = await s.Db.BranchWorkflows.AsNoTracking().Where(b => b.CorrelationId == branchId).Select(b => b.CurrentState).SingleOrDefaultAsync(ct);
        return status is null ? null : new MilestoneSide(id, branchId, country, true, request.Content.Kind, status, request.OfficeCode,
            $"/api/requests/{id}/targets/{country}/milestones");
    }

    /// <summary>The milestones of <paramref name="side"/>, soonest first, with the steps the caller may take on each.</summary>
    public static async Task<List<View>> ListAsync(MilestoneSide side, StepServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(side);
        ArgumentNullException.ThrowIfNull(s);
        var rows = await s.Db.Milestones.AsNoTracking().Where(m => m.BranchId == side.BranchId && (side.BranchId != side.SubjectId || side.OtherNode != null || m.Shared))
            .ToListAsync(ct);
        var ids = rows.Select(m => m.Id).ToList();
        var confirmations = (await s.Db.MilestoneConfirmations.AsNoTracking().Where(c => ids.Contains(c.MilestoneId)).ToListAsync(ct))
            .ToLookup(c => c.MilestoneId);
        var scope = side.OtherNode is null ? MilestoneScope.Request : side.Requesting ? MilestoneScope.Branch : MilestoneScope.Incoming;
        var mayAct = MilestoneSteps.OnMilestoneIn(scope, s.User, side.Office).Select(x => x.Name).ToList();
        var open = !Final.Contains(side.Status);
        return rows.OrderBy(m => m.Date).Select(m => new View(m.Id, m.Title, m.Date, m.ProposedBy, m.ConfirmedByRequestingAt, m.ConfirmedByRequestedAt, m.Shared,
                m.Status, m.ParticipantList(), confirmations[m.Id].OrderBy(c => c.At).Select(c => new ConfirmationView(c.Country, c.Actor, c.At)).ToList(),
                m.Reason, open ? mayAct.Where(step => Allows(m, side, step)).ToList() : []))
            .ToList();
    }

    /// <summary>True when <paramref name="step"/> applies to <paramref name="milestone"/> on <paramref name="side"/> now.</summary>
    static bool Allows(Milestone milestone, MilestoneSide side, string step)
    {
        if (!milestone.Shared)
            return step == "confirm" && (side.Requesting ? milestone.ConfirmedByRequestingAt : milestone.ConfirmedByRequestedAt) is null;
        return SharedMilestoneRules.Allows(SharedMilestoneRules.StatusOf(milestone.Status), step)
            && (step != "confirm" || milestone.ConfirmedByRequestedAt is null);
    }

    /// <summary>Proposes a milestone of one branch (either side).</summary>
    internal static async Task<IResult> ProposeAsync(MilestoneStepContext x)
    {
        var (side, s, ct) = (x.Side, x.Services, x.Cancellation);
        var body = (ProposeBody)x.Body!;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 200)
            errors["title"] = [MilestoneTexts.Title.Format()];
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
        var view = new View(milestone.Id, milestone.Title, milestone.Date, node, milestone.ConfirmedByRequestingAt, milestone.ConfirmedByRequestedAt, false,
            milestone.Status, [], [], null, []);
        await s.Commands.CommitAsync(db =>
        {
            db.Milestones.Add(milestone);
            db.Timeline.Add(Entry(side, s, TimelineTexts.MilestoneProposed.Format(), TimelineTexts.MilestoneDetails.Format(milestone.Title, milestone.Date)));
            CrossBorderQueue.Message(db, side.OtherNode!,
                new MilestoneProposed(side.BranchId, milestone.Id, milestone.Title, milestone.Date, node, s.User.UserName(), s.Now), s.Now);
            return Task.CompletedTask;
        }, StatusCodes.Status201Created, view, side.Link, ct);
        return TypedResults.Created(side.Link, view);
    }

    /// <summary>Confirms a milestone of one branch, or (on a participating country's node) this country's readiness for a shared one.</summary>
    internal static async Task<IResult> ConfirmAsync(MilestoneStepContext x)
    {
        var (side, s, ct) = (x.Side, x.Services, x.Cancellation);
        var milestoneId = x.MilestoneId!.Value;
        var existing = await s.Db.Milestones.AsNoTracking().SingleOrDefaultAsync(m => m.Id == milestoneId && m.BranchId == side.BranchId, ct);
        if (existing is null)
            return TypedResults.NotFound();
        if (existing.Shared)
            return await SharedMilestoneEndpoints.ConfirmReadinessAsync(x, existing);
        if ((side.Requesting ? existing.ConfirmedByRequestingAt : existing.ConfirmedByRequestedAt) is not null)
            return TypedResults.Problem(new ProblemDetails { Title = "Already confirmed", Status = 409, Detail = "This side already confirmed the milestone." });

        var node = s.NodeCode;
        await s.Commands.CommitAsync(async db =>
        {
            Mark(await db.Milestones.SingleAsync(m => m.Id == milestoneId, ct), side.Requesting, s.Now);
            db.Timeline.Add(Entry(side, s, TimelineTexts.MilestoneConfirmed.Format(), TimelineTexts.MilestoneDetails.Format(existing.Title, existing.Date)));
            CrossBorderQueue.Message(db, side.OtherNode!, new MilestoneConfirmed(side.BranchId, milestoneId, node, s.User.UserName(), s.Now), s.Now);
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

    /// <summary>A timeline entry of a milestone step on <paramref name="side"/>.</summary>
    internal static TimelineEntry Entry(MilestoneSide side, StepServices s, string action, string details, string? country = null) => new()
    {
        SubjectId = side.SubjectId, BranchId = side.BranchId == side.SubjectId && side.OtherNode is null ? null : side.BranchId, Country = country ?? side.OtherNode,
        At = s.Now, Actor = s.User.UserName(), Action = action, Status = "Milestones", Details = details,
    };
}
