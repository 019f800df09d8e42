using MassTransit;

namespace MlaRequests.Workflows.OutgoingRequests;

/// <summary>Endpoint settings of the outgoing-request workflow.</summary>
public sealed class OutgoingRequestStateDefinition : SagaDefinition<OutgoingRequestState>
{
    /// <summary>Events for different requests run side by side; the database serialises the commits.</summary>
    public OutgoingRequestStateDefinition() => ConcurrentMessageLimit = 16;
}
