using MassTransit;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Node.Telemetry;

/// <summary>Counts every state change of one kind of workflow in <c>mla.workflow.transitions</c>.</summary>
/// <typeparam name="TState">The workflow instance type.</typeparam>
public sealed class TransitionCounter<TState>(WorkflowNode node, StateMachine<TState> machine) : IStateObserver<TState>
    where TState : class, SagaStateMachineInstance
{
    static readonly string Workflow = typeof(TState).Name.Replace("State", string.Empty, StringComparison.Ordinal);

    /// <inheritdoc />
    public Task StateChanged(BehaviorContext<TState> context, State currentState, State previousState)
    {
        NodeTelemetry.Transitions.Add(1, new KeyValuePair<string, object?>("mla.node", node.Code),
            new KeyValuePair<string, object?>("mla.workflow", Workflow),
            new KeyValuePair<string, object?>("mla.from", previousState?.Name ?? machine.Initial.Name),
            new KeyValuePair<string, object?>("mla.to", currentState?.Name));
        return Task.CompletedTask;
    }
}
