using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// Applies a transmitted request that reached this node's own queue instead of being applied at the border: before
/// the border applied requests itself, it published them here, and a node upgraded with some still queued must not
/// lose them. A current border never publishes here. Unreadable content fails and is held by the endpoint's retry,
/// then moved to the error queue, as it always was on this path.
/// </summary>
public sealed class RequestTransmittedConsumer(NodeDbContext db, WorkflowNode node, IClock clock, InputLimits limits) : IConsumer<RequestTransmitted>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<RequestTransmitted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IncomingRequests.Problem(context.Message, node.Code, limits, clock.GetCurrentInstant()) is { } problem)
            throw new InvalidOperationException($"Request {context.Message.BranchId} cannot be applied here: {problem}.");
        return IncomingRequests.ReceiveAsync(db, node.Code, context.Message, clock.GetCurrentInstant(), context);
    }
}
