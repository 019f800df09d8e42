using MassTransit;

namespace MlaRequests.Workflows.Shared;

/// <summary>
/// The out-of-order rule shared by the workflows: every state has a rank along the legal path and
/// every event the rank it leads to. An event the current state does not handle is a late
/// duplicate when the instance already reached or passed the event's rank (ignored), and an early
/// arrival otherwise (faulted, so the endpoint retry holds it until the step before it lands).
/// </summary>
public sealed class StepOrder
{
    readonly Dictionary<string, int> _states = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _events = new(StringComparer.Ordinal);

    /// <summary>Ranks states in the order given (states listed together share a rank).</summary>
    public StepOrder States(params State[][] ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        for (var rank = 0; rank < ranks.Length; rank++)
        {
            foreach (var state in ranks[rank])
                _states[state.Name] = rank;
        }
        return this;
    }

    /// <summary>Gives <paramref name="event"/> the rank of the state it leads to.</summary>
    public StepOrder Event(Event @event, State leadsTo)
    {
        ArgumentNullException.ThrowIfNull(@event);
        _events[@event.Name] = _states[leadsTo.Name];
        return this;
    }

    /// <summary>Ignores a late duplicate, faults an early arrival.</summary>
    public Task Handle<TSaga>(UnhandledEventContext<TSaga> context)
        where TSaga : class, SagaStateMachineInstance
    {
        ArgumentNullException.ThrowIfNull(context);
        var late = _states.TryGetValue(context.CurrentState.Name, out var current)
            && _events.TryGetValue(context.Event.Name, out var target)
            && current >= target;
        return late ? context.Ignore() : context.Throw();
    }
}
