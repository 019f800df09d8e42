using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Node.Messaging;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Node.Delivery;

/// <summary>The border on MassTransit's in-memory transport (a node without a broker): a send through the node's own bus.</summary>
public sealed class BusBorderSender(IBus bus) : IBorderSender
{
    /// <inheritdoc />
    public async Task SendAsync(CrossBorderEnvelope envelope, Guid transportId, Guid correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var endpoint = await bus.GetSendEndpoint(WorkflowNode.InboundAddressOf(envelope.To)).WaitAsync(cancellationToken);
        await endpoint.Send(envelope, context =>
        {
            context.MessageId = transportId;
            context.CorrelationId = correlationId;
            MessagingExtensions.MakeUnroutableSendsFail(context);
        }, cancellationToken).WaitAsync(cancellationToken);
    }
}
