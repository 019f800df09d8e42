using MassTransit;

namespace MlaRequests.Node.Features.Commands;

/// <summary>
/// Which steps a workflow accepts in a status, read from the state machine itself (the events its
/// current state handles), so the API's 409 and the workflow can never disagree.
/// </summary>
public static class WorkflowSteps
{
    /// <summary>The names of the events <paramref name="machine"/> handles in <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> Allowed<TSaga>(StateMachine<TSaga> machine, string status)
        where TSaga : class, SagaStateMachineInstance
    {
        ArgumentNullException.ThrowIfNull(machine);
        return machine.NextEvents(machine.GetState(status)).Select(e => e.Name).ToList();
    }

    /// <summary>The names of the states in which <paramref name="machine"/> handles <paramref name="event"/>.</summary>
    public static IReadOnlyList<string> AllowedFrom<TSaga>(StateMachine<TSaga> machine, Event @event)
        where TSaga : class, SagaStateMachineInstance
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(@event);
        return machine.States.Where(s => machine.NextEvents(s).Contains(@event)).Select(s => s.Name).ToList();
    }
}
