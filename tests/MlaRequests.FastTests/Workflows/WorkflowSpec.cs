using MassTransit;

namespace MlaRequests.FastTests.Workflows;

/// <summary>
/// What a workflow is meant to do, written independently of its state machine so the two can be compared: every
/// transition it takes (<see cref="Transitions"/>), and for everything else the legal order <c>StepOrder</c>
/// applies (<see cref="Ranks"/>, <see cref="LeadsTo"/>): an event the instance already passed is a late duplicate and
/// changes nothing (written to the timeline when <see cref="RecordedWhenLate"/>), any other is early and faults, so the
/// endpoint's retry holds it until the step before it lands.
/// </summary>
public abstract class WorkflowSpec<TMachine, TState>
    where TMachine : class, SagaStateMachine<TState>
    where TState : class, SagaStateMachineInstance
{
    /// <summary>Events MassTransit adds and handles itself (a schedule's token check), not steps of the workflow.</summary>
    public virtual IReadOnlySet<string> FrameworkEvents { get; } = new HashSet<string>();

    /// <summary>Every transition the workflow takes, one row per state, event and variant of the message.</summary>
    public abstract IReadOnlyList<Transition<TState>> Transitions { get; }

    /// <summary>The states along the legal path, earliest first (states in one array share a rank).</summary>
    public abstract string[][] Ranks { get; }

    /// <summary>The state each ranked event leads to.</summary>
    public abstract IReadOnlyDictionary<string, string> LeadsTo { get; }

    /// <summary>Events whose late arrival is still written to the timeline (a step the other country took).</summary>
    public virtual IReadOnlySet<string> RecordedWhenLate { get; } = new HashSet<string>();

    /// <summary>Events the machine drops, without a fault, when their instance does not exist (all others fault and are retried).</summary>
    public virtual IReadOnlySet<string> DroppedWhenMissing { get; } = new HashSet<string>();

    /// <summary>Events that create the instance (taken in the initial state).</summary>
    public IEnumerable<string> Creating => Transitions.Where(t => t.From == "Initial").Select(t => t.Event).Distinct();

    /// <summary>The machine, built as the node builds it.</summary>
    public abstract TMachine Build();

    /// <summary>An instance with <paramref name="id"/> in <paramref name="state"/>, with every field a later step reads.</summary>
    public abstract TState Instance(Guid id, string state);

    /// <summary>The rows the workflow's transitions read besides its own (the request's content).</summary>
    public virtual IEnumerable<object> Related(Guid id) => [];

    /// <summary>The message that raises <paramref name="event"/> for instance <paramref name="id"/> (its usual variant).</summary>
    public abstract object Message(string @event, Guid id);

    /// <summary>Whether <paramref name="event"/> arriving in <paramref name="state"/> is late by the legal order.</summary>
    public bool IsLate(string state, string @event)
    {
        var rank = Array.FindIndex(Ranks, r => r.Contains(state));
        return rank >= 0 && LeadsTo.TryGetValue(@event, out var target) && rank >= Array.FindIndex(Ranks, r => r.Contains(target));
    }
}

/// <summary>One transition: in <paramref name="From"/>, <paramref name="Event"/> (as <paramref name="Variant"/>) leads to <paramref name="To"/>.</summary>
/// <param name="From">The state before.</param>
/// <param name="Event">The event's name on the machine.</param>
/// <param name="To">The state after (the same one for a step that changes no status).</param>
/// <param name="Variant">Which case of the event, when the machine tells them apart.</param>
/// <param name="Message">The message for this variant, when not the spec's usual one.</param>
/// <param name="Given">What the instance holds for this variant, when not the spec's usual instance.</param>
public sealed record Transition<TState>(string From, string Event, string To, string Variant = "",
    Func<Guid, object>? Message = null, Action<TState>? Given = null)
{
    /// <summary>How the case reads in a test name.</summary>
    public override string ToString() => $"{From} --{Event}{(Variant.Length > 0 ? $" ({Variant})" : "")}--> {To}";
}
