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
}
