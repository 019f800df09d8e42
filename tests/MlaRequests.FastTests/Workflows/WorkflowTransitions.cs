using MassTransit;
using MlaRequests.FastTests.Infrastructure;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.FastTests.Workflows;

/// <summary>
/// Every transition of a workflow, and every event in every state it does not take, run on the test harness. The cases
/// come from the machine itself (<c>States</c>, <c>Events</c>, <c>NextEvents</c>): a transition added to a machine
/// without a row in its <see cref="WorkflowSpec{TMachine, TState}"/> fails <see cref="Every_transition_the_machine_takes_is_specified"/>.
/// </summary>
public abstract class WorkflowTransitions<TMachine, TState, TSpec>(WorkflowHarness<TMachine, TState> harness)
    : IClassFixture<WorkflowHarness<TMachine, TState>>
    where TMachine : class, SagaStateMachine<TState>
    where TState : class, SagaStateMachineInstance, ITimelineSubject
    where TSpec : WorkflowSpec<TMachine, TState>, new()
{
    static readonly TSpec Spec = new();

    /// <summary>Each specified transition, by its row number and description.</summary>
    public static TheoryData<int, string> Taken()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Spec.Transitions.Count; i++)
            data.Add(i, Spec.Transitions[i].ToString());
        return data;
    }

    /// <summary>Each state and event the machine does not take there.</summary>
    public static TheoryData<string, string> Refused()
    {
        var data = new TheoryData<string, string>();
        foreach (var (state, @event) in Pairs(Spec.Build()).Where(p => !p.Accepted).Select(p => (p.State, p.Event)))
            data.Add(state, @event);
        return data;
    }

    [Fact]
    public void Every_transition_the_machine_takes_is_specified()
    {
        var machine = Spec.Build();
        var taken = Pairs(machine).Where(p => p.Accepted).Select(p => $"{p.State} + {p.Event}").ToHashSet();
        var specified = Spec.Transitions.Select(t => $"{t.From} + {t.Event}").ToHashSet();
        taken.Except(specified).Should().BeEmpty("every state and event the machine takes needs a row in {0}", typeof(TSpec).Name);
        specified.Except(taken).Should().BeEmpty("every row in {0} must be a transition the machine takes", typeof(TSpec).Name);
        machine.States.Select(s => s.Name).Where(s => s is not "Initial" and not "Final")
            .Should().BeEquivalentTo(Spec.Ranks.SelectMany(r => r), "every state has its place in the legal order");
    }

    [Theory]
    [MemberData(nameof(Taken))]
    public async Task Takes_the_transition(int row, string description)
    {
        var transition = Spec.Transitions[row];
        var id = Guid.NewGuid();
        await SeedAsync(id, transition.From, transition.Given);

        var delivery = await harness.DeliverAsync(transition.Message?.Invoke(id) ?? Spec.Message(transition.Event, id));

        delivery.Fault.Should().BeNull(description);
        (await harness.LoadAsync(id))!.CurrentState.Should().Be(transition.To, description);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refuses_an_event_the_state_does_not_take(string state, string @event)
    {
        var id = Guid.NewGuid();
        await SeedAsync(id, state, given: null);
        var before = await harness.TimelineAsync(id);

        var delivery = await harness.DeliverAsync(Spec.Message(@event, id));

        var after = await harness.LoadAsync(id);
        var written = (await harness.TimelineAsync(id)).Count - before.Count;
        delivery.Published.Should().BeEmpty("a refused event publishes nothing");
        delivery.Sent.Should().BeEmpty("a refused event sends nothing");
        if (state == "Initial")
        {
            if (Spec.DroppedWhenMissing.Contains(@event))
                delivery.Fault.Should().BeNull("the machine drops this event when its instance does not exist");
            else
                delivery.Fault.Should().NotBeNull("an event for an instance that does not exist yet is held by the endpoint's retry");
            after.Should().BeNull();
            return;
        }
        after!.CurrentState.Should().Be(state, "a refused event changes no status");
        if (Spec.IsLate(state, @event))
        {
            delivery.Fault.Should().BeNull("a late duplicate is ignored");
            written.Should().Be(Spec.RecordedWhenLate.Contains(@event) ? 1 : 0, "a late step the other country took is written to the timeline, once");
        }
        else
        {
            Causes(delivery.Fault).OfType<UnhandledEventException>().Should().NotBeEmpty(
                "an early event faults as unhandled, so the endpoint's retry holds it until the step before it lands");
            written.Should().Be(0);
        }
    }

    async Task SeedAsync(Guid id, string state, Action<TState>? given)
    {
        await harness.SeedAsync([.. Spec.Related(id)]);
        if (state == "Initial")
            return;
        var instance = Spec.Instance(id, state);
        given?.Invoke(instance);
        await harness.SeedAsync(instance);
    }

    static IEnumerable<Exception> Causes(Exception? fault)
    {
        for (var e = fault; e is not null; e = e.InnerException)
            yield return e;
    }

    static IEnumerable<(string State, string Event, bool Accepted)> Pairs(TMachine machine)
    {
        var events = machine.Events.Select(e => e.Name).Where(e => !Spec.FrameworkEvents.Contains(e)).ToList();
        foreach (var state in machine.States.Where(s => s.Name != "Final"))
        {
            var next = machine.NextEvents(state).Select(e => e.Name).ToHashSet();
            foreach (var @event in events)
                yield return (state.Name, @event, next.Contains(@event));
        }
    }
}
