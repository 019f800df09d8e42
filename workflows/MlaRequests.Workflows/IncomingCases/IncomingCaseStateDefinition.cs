using MassTransit;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>Runs on the node's inbound queue, where the other nodes' messages for it arrive.</summary>
public sealed class IncomingCaseStateDefinition : SagaDefinition<IncomingCaseState>
{
    /// <summary>Places the workflow on <paramref name="node"/>'s inbound queue.</summary>
    public IncomingCaseStateDefinition(WorkflowNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Endpoint(e => e.Name = node.InboundQueue);
        ConcurrentMessageLimit = 16;
    }
}
