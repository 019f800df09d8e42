using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Domain;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Health;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Features.Links;

/// <summary>
/// Link health and delivery administration. <c>GET /api/links</c>: for every other node, its circuit
/// state, whether its messages are sealed, messages queued / retrying / failed / waiting for the peer's upgrade, the contract
/// version the peer was last seen speaking and this node's own, the last delivery and the age of the oldest message not yet
/// delivered. <c>GET /api/links/{node}/messages?state=</c>: those messages.
/// <c>POST /api/links/messages/{messageId}/retry</c> (administrators): a failed message starts its
/// schedule again with the same MessageId. <c>GET /api/quarantine?page=&amp;pageSize=</c> (administrators): what arrived and was
/// not applied, paged, bodies redacted and capped, with its growth and the messages waiting in error and dead-letter queues.
/// </summary>
public static class LinkEndpoints
{
    /// <summary>One remote node's link.</summary>
    public sealed record Link(string Node, string Circuit, int Queued, int Sent, int Retrying, int Failed, Instant? LastDelivered, Duration? OldestUndeliveredAge)
    {
        /// <summary>
        /// False while the peer's trust entry has no encryption key (a peer a release behind): its messages travel unsealed,
        /// readable by anyone bound to its inbound exchange, until its administrator adds its <c>enc:</c> key.
        /// </summary>
        public bool Sealed { get; init; }

        /// <summary>
        /// The contract version this peer was last seen speaking in its signed envelopes (1 for a release before version 2,
        /// which states none), or null when nothing signed has arrived from it yet.
        /// </summary>
        public int? ContractVersion { get; init; }

        /// <summary>The contract version this node speaks (<c>CrossBorder:ContractVersion</c>, at most the highest this release knows).</summary>
        public int OwnContractVersion { get; init; }

        /// <summary>Messages held until this peer speaks the contract version they need (state <c>WaitingForUpgrade</c>); sent again once it does.</summary>
        public int WaitingForUpgrade { get; init; }
    }

    /// <summary>A message to another node.</summary>
    public sealed record Message(Guid MessageId, string ToNode, string ContractType, Guid CorrelationId, string State, int Attempts,
        Instant CreatedAt, Instant? LastSentAt, Instant? DeliveredAt, Instant? FailedAt, string? LastError);

    /// <summary>
    /// One page of the quarantine, newest first, with its growth (last hour, last day), how many older messages were dropped and
    /// only counted, and the messages waiting in this node's error and dead-letter queues (null when the broker cannot be asked).
    /// </summary>
    public sealed record QuarantinePage(int Page, int PageSize, int Total, int LastHour, int LastDay, long Summarised, List<WaitingQueue>? Waiting,
        List<Quarantined> Items);

    /// <summary>A queue where failed messages wait for an administrator.</summary>
    public sealed record WaitingQueue(string Queue, long Messages);

    /// <summary>A quarantined message; its body redacted (no personal data) and capped.</summary>
    public sealed record Quarantined(long Id, Instant ReceivedAt, string Reason, string? FromNode, string? ToNode, Guid? MessageId, string? ContractType, string Body);

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapLinks(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api").WithTags("Links").RequireAuthorization();
        group.MapGet("/links", ListAsync).WithName("ListLinks").WithSummary("Read the health of every link to another node");
        group.MapGet("/links/{node}/messages", MessagesAsync).WithName("ListLinkMessages").WithSummary("List the messages to one node");
        group.MapGet("/quarantine", QuarantineAsync).WithName("ListQuarantine").WithSummary("List what arrived and was not applied, newest first");
        endpoints.MapGroup("/api").WithTags("Links").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>()
            .MapPost("/links/messages/{messageId:guid}/retry", RetryAsync).WithName("RetryMessage").WithSummary("Send a failed message again")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    static bool Watches(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.LiaisonOfficer);

    static async Task<Results<Ok<List<Link>>, ForbidHttpResult>> ListAsync(ClaimsPrincipal user, NodeDbContext db, WorkflowNode node,
        LinkCircuits circuits, NodeKeys keys, IOptions<CrossBorderOptions> options, IClock clock, CancellationToken ct) =>
        Watches(user)
            ? TypedResults.Ok((await ReadAsync(db, node, circuits, clock, ct))
                .Select(l => l with { Sealed = keys.Seals(l.Node), OwnContractVersion = options.Value.ContractVersion }).ToList())
            : TypedResults.Forbid();

    /// <summary>The health of every link from this node (used by the API and the supervisor's dashboard).</summary>
    public static async Task<List<Link>> ReadAsync(NodeDbContext db, WorkflowNode node, LinkCircuits circuits, IClock clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(circuits);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetCurrentInstant();
        var messages = await db.CrossBorderMessages.AsNoTracking().Where(m => m.Kind == DeliveryStates.MessageKind)
            .GroupBy(m => new { m.ToNode, m.State })
            .Select(g => new { g.Key.ToNode, g.Key.State, Count = g.Count(), Oldest = g.Min(m => m.CreatedAt), Last = g.Max(m => m.DeliveredAt) })
            .ToListAsync(ct);
        var versions = await PeerVersions.KnownAsync(db, ct);
        return NodeCode.Countries.Keys.Where(code => code != node.Code).Select(code =>
        {
            var of = messages.Where(m => m.ToNode == code).ToList();
            int Count(string state) => of.Where(m => m.State == state).Sum(m => m.Count);
            var undelivered = of.Where(m => m.State != DeliveryStates.Delivered).Select(m => (Instant?)m.Oldest).Min();
            return new Link(code, circuits.StateOf(code), Count(DeliveryStates.Queued), Count(DeliveryStates.Sent), Count(DeliveryStates.Retrying),
                Count(DeliveryStates.Failed), of.Where(m => m.State == DeliveryStates.Delivered).Select(m => m.Last).Max(),
                undelivered is { } oldest ? now - oldest : null)
            {
                ContractVersion = versions.TryGetValue(code, out var speaks) ? speaks : null, WaitingForUpgrade = Count(DeliveryStates.WaitingForUpgrade),
            };
        }).ToList();
    }

    /// <summary>The failed messages of every link, newest first.</summary>
    public static async Task<List<Message>> FailedAsync(NodeDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.CrossBorderMessages.AsNoTracking().Where(m => m.State == DeliveryStates.Failed && m.Kind == DeliveryStates.MessageKind)
            .OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
        return rows.Select(m => new Message(m.MessageId, m.ToNode, m.ContractType, m.CorrelationId, m.State, m.Attempts, m.CreatedAt,
            m.LastSentAt, m.DeliveredAt, m.FailedAt, m.LastError)).ToList();
    }

    static async Task<Results<Ok<List<Message>>, ForbidHttpResult, ValidationProblem>> MessagesAsync(string node, string? state, ClaimsPrincipal user,
        NodeDbContext db, CancellationToken ct)
    {
        if (!Watches(user))
            return TypedResults.Forbid();
        if (!NodeCode.IsKnown(node))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["node"] = [$"Unknown node '{node}'."] });
        var query = db.CrossBorderMessages.AsNoTracking().Where(m => m.ToNode == node && m.Kind == DeliveryStates.MessageKind);
        if (!string.IsNullOrWhiteSpace(state))
            query = query.Where(m => m.State == state);
        var rows = await query.OrderByDescending(m => m.Id).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(m => new Message(m.MessageId, m.ToNode, m.ContractType, m.CorrelationId, m.State, m.Attempts, m.CreatedAt,
            m.LastSentAt, m.DeliveredAt, m.FailedAt, m.LastError)).ToList());
    }

    static async Task<Results<Ok<QuarantinePage>, ForbidHttpResult, ValidationProblem>> QuarantineAsync(int? page, int? pageSize, ClaimsPrincipal user,
        NodeDbContext db, IOptions<QuarantineOptions> options, QueueDepths depths, IClock clock, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrator))
            return TypedResults.Forbid();
        var settings = options.Value;
        var size = pageSize ?? Math.Min(50, settings.MaxPageSize);
        if (page is < 1 or > 1_000_000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["Must be between 1 and 1000000."] });
        if (size < 1 || size > settings.MaxPageSize)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = [$"Must be between 1 and {settings.MaxPageSize}."] });
        var number = page ?? 1;
        var total = await db.QuarantinedMessages.CountAsync(ct);
        var rows = await db.QuarantinedMessages.AsNoTracking().OrderByDescending(q => q.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var (hour, day) = await Health.LastStopHealthCheck.QuarantineGrowthAsync(db, clock.GetCurrentInstant(), ct);
        var summarised = await db.Set<QuarantineSummary>().SumAsync(s => (long?)s.Count, ct) ?? 0;
        var waiting = (await depths.WaitingAsync(ct))?.Select(w => new WaitingQueue(w.Queue, w.Messages)).ToList();
        return TypedResults.Ok(new QuarantinePage(number, size, total, hour, day, summarised, waiting, rows.Select(q => new Quarantined(q.Id, q.ReceivedAt, q.Reason,
            q.FromNode, q.ToNode, q.MessageId, q.ContractType, QuarantinedBody.Show(q.Body, q.BodyBytes, q.BodySha256, settings.ShownBodyLimit))).ToList()));
    }

    /// <summary>Starts a failed message's schedule again (administrators); the same MessageId is kept.</summary>
    public static async Task<Results<Accepted<StepResult>, ForbidHttpResult, NotFound, ProblemHttpResult>> RetryAsync(Guid messageId, ClaimsPrincipal user, NodeDbContext db, CommandContext commands, IClock clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(clock);
        if (!user.IsInRole(Roles.Administrator))
            return TypedResults.Forbid();
        var message = await db.CrossBorderMessages.AsNoTracking().SingleOrDefaultAsync(m => m.MessageId == messageId, ct);
        if (message is null)
            return TypedResults.NotFound();
        if (message.State != DeliveryStates.Failed)
            return TypedResults.Problem(new ProblemDetails { Title = "Not failed", Status = 409, Detail = $"Only a failed message can be retried; this one is {message.State}." });
        var now = clock.GetCurrentInstant();
        var result = new StepResult(messageId, "retry", message.State);
        await commands.CommitAsync(async context =>
        {
            var row = await context.CrossBorderMessages.SingleAsync(m => m.MessageId == messageId, ct);
            (row.State, row.Attempts, row.NextAttemptAt, row.FailedAt, row.LastError) = (DeliveryStates.Queued, 0, now, null, $"retried by {user.UserName()}");
        }, StatusCodes.Status202Accepted, result, $"/api/links/{message.ToNode}/messages", ct);
        return TypedResults.Accepted($"/api/links/{message.ToNode}/messages", result);
    }
}
