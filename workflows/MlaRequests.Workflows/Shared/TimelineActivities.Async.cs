using MassTransit;
using MlaRequests.Domain.Timeline;
using NodaTime;

namespace MlaRequests.Workflows.Shared;

/// <summary>Timeline entries whose details a step reads from the node's data (the other parties of a multilateral agreement).</summary>
public static class TimelineActivitiesAsync
{
    /// <summary>Records <paramref name="action"/> with details <paramref name="details"/> computes, with the status reached.</summary>
    public static EventActivityBinder<TSaga, TMessage> RecordAsync<TSaga, TMessage>(this EventActivityBinder<TSaga, TMessage> binder,
        TextTemplate action, Func<BehaviorContext<TSaga, TMessage>, string> actor, Func<BehaviorContext<TSaga, TMessage>, Instant> at,
        Func<BehaviorContext<TSaga, TMessage>, Task<string?>> details)
        where TSaga : class, SagaStateMachineInstance, ITimelineSubject
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(binder);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(details);
        var text = action.Format();
        return binder.ThenAsync(async context => context.Db().Add(new TimelineEntry
        {
            SubjectId = context.Saga.TimelineSubjectId,
            BranchId = context.Saga.TimelineBranchId,
            Country = context.Saga.TimelineCountry,
            At = at(context),
            Actor = actor(context),
            Action = text,
            Status = context.Saga.CurrentState,
            Details = await details(context),
        }));
    }
}
