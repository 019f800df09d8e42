using MassTransit;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>Endpoint settings of the workflow: instances run side by side, the database serialises commits.</summary>
public sealed class DeadlineClockStateDefinition : SagaDefinition<DeadlineClockState>
{
    /// <summary>Allows 16 messages at a time.</summary>
    public DeadlineClockStateDefinition() => ConcurrentMessageLimit = 16;
}
