using MassTransit;

namespace MlaRequests.Workflows.Requests;

/// <summary>Endpoint settings of the workflow: instances run side by side, the database serialises commits.</summary>
public sealed class OutgoingRequestStateDefinition : SagaDefinition<OutgoingRequestState>
{
    /// <summary>Allows 16 messages at a time.</summary>
    public OutgoingRequestStateDefinition() => ConcurrentMessageLimit = 16;
}
