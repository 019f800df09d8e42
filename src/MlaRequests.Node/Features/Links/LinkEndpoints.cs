using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Features.Links;

/// <summary>
/// Link health and delivery administration. <c>GET /api/links</c>: for every other node, its circuit
/// state, whether its messages are sealed, messages queued / retrying / failed, the last delivery and the age of the oldest message
/// not yet delivered. <c>GET /api/links/{node}/messages?state=</c>: those messages.
/// <c>POST /api/links/messages/{messageId}/retry</c> (administrators): a failed message starts its
/// schedule again with the same MessageId. <c>GET /api/quarantine</c> (administrators): what arrived and was not applied.
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
    }

    /// <summary>A message to another node.</summary>
    public sealed record Message(Guid MessageId, string ToNode, string ContractType, Guid CorrelationId, string State, int Attempts,
        Instant CreatedAt, Instant? LastSentAt, Instant? DeliveredAt, Instant? FailedAt, string? LastError);

    /// <summary>A quarantined message.</summary>
    public sealed record Quarantined(long Id, Instant ReceivedAt, string Reason, string? FromNode, string? ToNode, Guid? MessageId, string? ContractType, string Body);

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapLinks(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api").WithTags("Links").RequireAuthorization();
        group.MapGet("/links", ListAsync);
        group.MapGet("/links/{node}/messages", MessagesAsync);
        group.MapGet("/quarantine", QuarantineAsync);
        endpoints.MapGroup("/api").WithTags("Links").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>()
            .MapPost("/links/messages/{messageId:guid}/retry", RetryAsync);
        return endpoints;
    }

    static bool Watches(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.LiaisonOfficer);

    static async Task<Results<Ok<List<Link>>, ForbidHttpResult>> ListAsync(ClaimsPrincipal user, NodeDbContext db, WorkflowNode node,
        LinkCircuits circuits, NodeKeys keys, IClock clock, CancellationToken ct) =>
        Watches(user)
            ? TypedResults.Ok((await ReadAsync(db, node, circuits, clock, ct)).Select(l => l with { Sealed = keys.Seals(l.Node) }).ToList())
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
        return NodeCode.Countries.Keys.Where(code => code != node.Code).Select(code =>
        {
            var of = messages.Where(m => m.ToNode == code).ToList();
            int Count(string state) => of.Where(m => m.State == state).Sum(m => m.Count);
            var undelivered = of.Where(m => m.State != DeliveryStates.Delivered).Select(m => (Instant?)m.Oldest).Min();
            return new Link(code, circuits.StateOf(code), Count(DeliveryStates.Queued), Count(DeliveryStates.Sent), Count(DeliveryStates.Retrying),
                Count(DeliveryStates.Failed), of.Where(m => m.State == DeliveryStates.Delivered).Select(m => m.Last).Max(),
                undelivered is { } oldest ? now - oldest : null);
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

    static async Task<Results<Ok<List<Quarantined>>, ForbidHttpResult>> QuarantineAsync(ClaimsPrincipal user, NodeDbContext db, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrator))
            return TypedResults.Forbid();
        var rows = await db.QuarantinedMessages.AsNoTracking().OrderByDescending(q => q.Id).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(q => new Quarantined(q.Id, q.ReceivedAt, q.Reason, q.FromNode, q.ToNode, q.MessageId, q.ContractType, q.Body)).ToList());
    }

    /// <summary>Starts a failed message's schedule again (administrators); the same MessageId is kept.</summary>
    public static async Task<IResult> RetryAsync(Guid messageId, ClaimsPrincipal user, NodeDbContext db, CommandContext commands, IClock clock, CancellationToken ct)
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
