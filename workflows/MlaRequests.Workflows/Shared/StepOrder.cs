using MassTransit;
using MlaRequests.Domain.Timeline;
using NodaTime;

namespace MlaRequests.Workflows.Shared;

/// <summary>
/// The out-of-order rule shared by the workflows: every state has a rank along the legal path and
/// every event the rank it leads to. An event the current state does not handle is a late
/// duplicate when the instance already reached or passed the event's rank (ignored), and an early
/// arrival otherwise (faulted, so the endpoint retry holds it until the step before it lands).
/// A late event registered with <see cref="RecordWhenLate{TSaga, TMessage}"/> (a step the other country took, which the
/// instance overtook because messages cross the border independently) changes nothing but is still written to the
/// timeline, once, so the history keeps every step that was taken.
/// </summary>
public sealed class StepOrder
{
    readonly Dictionary<string, int> _states = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _events = new(StringComparer.Ordinal);
    readonly Dictionary<string, Func<ConsumeContext, object, LateStep?>> _late = new(StringComparer.Ordinal);

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

    /// <summary>Gives <paramref name="states"/> the rank of <paramref name="rankOf"/> (states a partial file of a machine adds).</summary>
    public StepOrder SameRankAs(State rankOf, params State[] states)
    {
        ArgumentNullException.ThrowIfNull(rankOf);
        ArgumentNullException.ThrowIfNull(states);
        foreach (var state in states)
            _states[state.Name] = _states[rankOf.Name];
        return this;
    }

    /// <summary>Gives <paramref name="event"/> the rank of the state it leads to.</summary>
    public StepOrder Event(Event @event, State leadsTo)
    {
        ArgumentNullException.ThrowIfNull(@event);
        _events[@event.Name] = _states[leadsTo.Name];
        return this;
    }

    /// <summary>
    /// When <paramref name="event"/> arrives late, records <paramref name="step"/> on the timeline (unless an entry for the
    /// same action at the same instant is there already: a duplicate), with the status left as it is.
    /// </summary>
    public StepOrder RecordWhenLate<TSaga, TMessage>(Event<TMessage> @event, Func<TSaga, TMessage, LateStep> step)
        where TSaga : class
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(step);
        _late[@event.Name] = (context, saga) => context.TryGetMessage<TMessage>(out var consumed) ? step((TSaga)saga, consumed.Message) : null;
        return this;
    }

    /// <summary>Ignores a late duplicate (recording a late step first, see <see cref="RecordWhenLate{TSaga, TMessage}"/>), faults an early arrival.</summary>
    public Task Handle<TSaga>(UnhandledEventContext<TSaga> context)
        where TSaga : class, SagaStateMachineInstance
    {
        ArgumentNullException.ThrowIfNull(context);
        var late = _states.TryGetValue(context.CurrentState.Name, out var current)
            && _events.TryGetValue(context.Event.Name, out var target)
            && current >= target;
        if (!late)
            return context.Throw();
        return _late.TryGetValue(context.Event.Name, out var describe) && context.Saga is ITimelineSubject subject && describe(context, context.Saga) is { } step
            ? RecordAsync(context, subject, step)
            : context.Ignore();
    }

    static async Task RecordAsync<TSaga>(UnhandledEventContext<TSaga> context, ITimelineSubject subject, LateStep step)
        where TSaga : class, SagaStateMachineInstance
    {
        var recorded = await context.Reads().IsOnTimelineAsync(subject.TimelineSubjectId, subject.TimelineBranchId, step.Action, step.At,
            context.CancellationToken).ConfigureAwait(false);
        if (!recorded)
        {
            context.Db().Add(new TimelineEntry
            {
                SubjectId = subject.TimelineSubjectId,
                BranchId = subject.TimelineBranchId,
                Country = subject.TimelineCountry,
                At = step.At,
                Actor = step.Actor,
                Action = step.Action,
                Status = context.CurrentState.Name,
                Details = step.Details,
            });
        }
        await context.Ignore().ConfigureAwait(false);
    }
}

/// <summary>A timeline entry for a step that arrived after the instance had moved past it.</summary>
/// <param name="Action">What was done (a <see cref="TimelineTexts"/> text).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="At">When it was done.</param>
/// <param name="Details">Its details, if any.</param>
public sealed record LateStep(string Action, string Actor, Instant At, string? Details = null);
