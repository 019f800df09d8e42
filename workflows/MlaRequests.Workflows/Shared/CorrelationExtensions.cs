using MassTransit;

namespace MlaRequests.Workflows.Shared;

/// <summary>Correlation rules shared by the workflows.</summary>
public static class CorrelationExtensions
{
    /// <summary>
    /// Correlates by <paramref name="id"/> and faults when no instance exists yet: the endpoint
    /// retry then holds the event until the event that creates the instance has landed.
    /// </summary>
    public static void FaultWhenMissing<TSaga, T>(this IEventCorrelationConfigurator<TSaga, T> e, Func<ConsumeContext<T>, Guid> id)
        where TSaga : class, SagaStateMachineInstance
        where T : class
    {
        ArgumentNullException.ThrowIfNull(e);
        e.CorrelateById(id);
        e.OnMissingInstance(m => m.Fault());
    }
}
