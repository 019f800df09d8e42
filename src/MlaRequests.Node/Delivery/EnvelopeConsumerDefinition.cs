using MassTransit;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Node.Delivery;

/// <summary>The envelope consumer is the only consumer of the node's inbound queue.</summary>
public sealed class EnvelopeConsumerDefinition : ConsumerDefinition<EnvelopeConsumer>
{
    /// <summary>Places the consumer on <paramref name="node"/>'s inbound queue.</summary>
    public EnvelopeConsumerDefinition(WorkflowNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Endpoint(e => e.Name = node.InboundQueue);
        ConcurrentMessageLimit = 32;
    }
}
