using MassTransit;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Node.Messaging;

/// <summary>Receives transmitted requests on the node's inbound queue.</summary>
public sealed class RequestTransmittedConsumerDefinition : ConsumerDefinition<RequestTransmittedConsumer>
{
    /// <summary>Places the consumer on <paramref name="node"/>'s inbound queue.</summary>
    public RequestTransmittedConsumerDefinition(WorkflowNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Endpoint(e => e.Name = node.InboundQueue);
    }
}
