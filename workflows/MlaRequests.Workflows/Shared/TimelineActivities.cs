using MassTransit;
using MlaRequests.Domain.Timeline;
using NodaTime;

namespace MlaRequests.Workflows.Shared;

/// <summary>Writes a timeline entry in the step's own transaction, so the history shows exactly the steps applied.</summary>
public static class TimelineActivities
{
    /// <summary>Records <paramref name="action"/> with the status reached (call after <c>TransitionTo</c>).</summary>
    public static EventActivityBinder<TSaga, TMessage> Record<TSaga, TMessage>(this EventActivityBinder<TSaga, TMessage> binder,
        string action, Func<BehaviorContext<TSaga, TMessage>, string> actor, Func<BehaviorContext<TSaga, TMessage>, Instant> at,
        Func<BehaviorContext<TSaga, TMessage>, string?>? details = null)
        where TSaga : class, SagaStateMachineInstance, ITimelineSubject
        where TMessage : class => binder.Record(_ => action, actor, at, details);

    /// <summary>Records the action <paramref name="action"/> (a template without placeholders, see <see cref="TimelineTexts"/>).</summary>
    public static EventActivityBinder<TSaga, TMessage> Record<TSaga, TMessage>(this EventActivityBinder<TSaga, TMessage> binder,
        MlaRequests.Domain.Timeline.TextTemplate action, Func<BehaviorContext<TSaga, TMessage>, string> actor, Func<BehaviorContext<TSaga, TMessage>, Instant> at,
        Func<BehaviorContext<TSaga, TMessage>, string?>? details = null)
        where TSaga : class, SagaStateMachineInstance, ITimelineSubject
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(action);
        var text = action.Format();
        return binder.Record(_ => text, actor, at, details);
    }

    /// <summary>Records the action <paramref name="action"/> computes, with the status reached.</summary>
    public static EventActivityBinder<TSaga, TMessage> Record<TSaga, TMessage>(this EventActivityBinder<TSaga, TMessage> binder,
        Func<BehaviorContext<TSaga, TMessage>, string> action, Func<BehaviorContext<TSaga, TMessage>, string> actor, Func<BehaviorContext<TSaga, TMessage>, Instant> at,
        Func<BehaviorContext<TSaga, TMessage>, string?>? details = null)
        where TSaga : class, SagaStateMachineInstance, ITimelineSubject
        where TMessage : class =>
        binder.Then(context => context.Db().Add(new TimelineEntry
        {
            SubjectId = context.Saga.TimelineSubjectId,
            BranchId = context.Saga.TimelineBranchId,
            Country = context.Saga.TimelineCountry,
            At = at(context),
            Actor = actor(context),
            Action = action(context),
            Status = context.Saga.CurrentState,
            Details = details?.Invoke(context),
        }));
}
