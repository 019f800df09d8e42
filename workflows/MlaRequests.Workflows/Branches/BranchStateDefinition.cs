using MassTransit;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.Branches;

/// <summary>Runs on the node's inbound queue, where the other nodes' messages for it arrive.</summary>
public sealed class BranchStateDefinition : SagaDefinition<BranchState>
{
    /// <summary>Places the workflow on <paramref name="node"/>'s inbound queue.</summary>
    public BranchStateDefinition(WorkflowNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Endpoint(e => e.Name = node.InboundQueue);
        ConcurrentMessageLimit = 16;
    }
}
