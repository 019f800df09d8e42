using MassTransit;

namespace MlaRequests.Workflows.Branches;

/// <summary>Endpoint settings of the workflow: instances run side by side, the database serialises commits.</summary>
public sealed class BranchStateDefinition : SagaDefinition<BranchState>
{
    /// <summary>Allows 16 messages at a time; the database serialises commits.</summary>
    public BranchStateDefinition() => ConcurrentMessageLimit = 16;
}
