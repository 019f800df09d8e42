using MassTransit;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Node.Messaging;

/// <summary>Receives milestones on the node's inbound queue.</summary>
public sealed class MilestoneConsumerDefinition : ConsumerDefinition<MilestoneConsumer>
{
    /// <summary>Places the consumer on <paramref name="node"/>'s inbound queue.</summary>
    public MilestoneConsumerDefinition(WorkflowNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Endpoint(e => e.Name = node.InboundQueue);
    }
}
