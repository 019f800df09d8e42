using MassTransit;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>Endpoint settings of the workflow: instances run side by side, the database serialises commits.</summary>
public sealed class IncomingCaseStateDefinition : SagaDefinition<IncomingCaseState>
{
    /// <summary>Allows 16 messages at a time; the database serialises commits.</summary>
    public IncomingCaseStateDefinition() => ConcurrentMessageLimit = 16;
}
