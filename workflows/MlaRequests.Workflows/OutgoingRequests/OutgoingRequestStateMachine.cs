using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using NodaTime;

namespace MlaRequests.Workflows.OutgoingRequests;

/// <summary>
/// An outgoing request from submission to the legal acknowledgement of receipt:
/// <c>InReview → AwaitingAcknowledgement → Acknowledged</c>, or <c>→ AcknowledgementOverdue</c>
/// (escalated to supervisors) when the acknowledgement clock runs out first.
/// <para>Rules for every event, including out-of-order and duplicate delivery:</para>
/// <list type="table">
/// <item><term>Submitted</term><description>creates the instance; a repeat is ignored.</description></item>
/// <item><term>Approved</term><description>in review: starts the clock. Before submission (no instance) or
/// otherwise ahead of review: faults, so the endpoint retry holds it until the submission lands. A repeat is ignored.</description></item>
/// <item><term>Acknowledged</term><description>awaiting or overdue: stops the clock. Ahead of approval (or no instance): faults (held
/// by retry). A repeat is ignored.</description></item>
/// <item><term>Deadline reached</term><description>awaiting: escalates. A firing whose token was cancelled or replaced is dropped.</description></item>
/// <item><term>Note added</term><description>any state: counted and published. No instance: faults (held by retry).</description></item>
/// </list>
/// </summary>
public sealed class OutgoingRequestStateMachine : MassTransitStateMachine<OutgoingRequestState>
{
    /// <summary>Builds the workflow with the deadline lengths and the clock it escalates by.</summary>
    public OutgoingRequestStateMachine(DeadlinePolicy policy, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        InstanceState(x => x.CurrentState);

        Event(() => Submitted, e => e.CorrelateById(m => m.Message.RequestId));
        Event(() => Approved, e => FaultWithoutInstance(e, m => m.Message.RequestId));
        Event(() => Acknowledged, e => FaultWithoutInstance(e, m => m.Message.RequestId));
        Event(() => NoteAdded, e => FaultWithoutInstance(e, m => m.Message.RequestId));
        Schedule(() => AcknowledgementDeadline, x => x.AcknowledgementDeadlineToken,
            s => s.Received = e => e.CorrelateById(m => m.Message.RequestId));

        Initially(
            When(Submitted)
                .Then(c => c.Saga.SubmittedAt = c.Message.SubmittedAt)
                .TransitionTo(InReview));

        During(InReview,
            When(Approved)
                .Then(c =>
                {
                    c.Saga.ApprovedAt = c.Message.ApprovedAt;
                    c.Saga.AcknowledgementDueAt = c.Message.ApprovedAt + policy.Acknowledgement;
                })
                .Schedule(AcknowledgementDeadline, c => new AcknowledgementDeadlineReached(c.Saga.CorrelationId),
                    c => c.Saga.AcknowledgementDueAt!.Value.ToDateTimeUtc())
                .TransitionTo(AwaitingAcknowledgement));

        During(AwaitingAcknowledgement, AcknowledgementOverdue,
            When(Acknowledged)
                .Then(c => c.Saga.AcknowledgedAt = c.Message.AcknowledgedAt)
                .Unschedule(AcknowledgementDeadline)
                .TransitionTo(AcknowledgedByTarget));

        During(AwaitingAcknowledgement,
            When(AcknowledgementDeadline!.Received)
                .Then(c => c.Saga.EscalatedAt = clock.GetCurrentInstant())
                .Publish(c => new AcknowledgementOverdue(c.Saga.CorrelationId, c.Saga.AcknowledgementDueAt!.Value, c.Saga.EscalatedAt!.Value))
                .TransitionTo(AcknowledgementOverdue));

        DuringAny(
            When(NoteAdded)
                .Then(c => c.Saga.NoteCount++)
                .Publish(c => new RequestNoteRecorded(c.Saga.CorrelationId, c.Message.NoteId, c.Saga.NoteCount)));

        During(InReview, AwaitingAcknowledgement, AcknowledgementOverdue, AcknowledgedByTarget, Ignore(Submitted));
        During(AwaitingAcknowledgement, AcknowledgementOverdue, AcknowledgedByTarget, Ignore(Approved));
        During(AcknowledgedByTarget, Ignore(Acknowledged));
    }

    /// <summary>Under internal review by a liaison officer.</summary>
    public State InReview { get; private set; } = null!;

    /// <summary>Released; the acknowledgement clock runs.</summary>
    public State AwaitingAcknowledgement { get; private set; } = null!;

    /// <summary>The acknowledgement clock ran out; supervisors were alerted.</summary>
    public State AcknowledgementOverdue { get; private set; } = null!;

    /// <summary>The requested authority registered the request.</summary>
    public State AcknowledgedByTarget { get; private set; } = null!;

    /// <summary>A prosecutor submitted the request.</summary>
    public Event<OutgoingRequestSubmitted> Submitted { get; private set; } = null!;

    /// <summary>A liaison officer approved it.</summary>
    public Event<OutgoingRequestApproved> Approved { get; private set; } = null!;

    /// <summary>The requested authority acknowledged it.</summary>
    public Event<RequestAcknowledged> Acknowledged { get; private set; } = null!;

    /// <summary>A note was added.</summary>
    public Event<RequestNoteAdded> NoteAdded { get; private set; } = null!;

    /// <summary>The acknowledgement clock.</summary>
    public Schedule<OutgoingRequestState, AcknowledgementDeadlineReached> AcknowledgementDeadline { get; private set; } = null!;

    static void FaultWithoutInstance<T>(IEventCorrelationConfigurator<OutgoingRequestState, T> e, Func<ConsumeContext<T>, Guid> id)
        where T : class
    {
        e.CorrelateById(id);
        e.OnMissingInstance(m => m.Fault());
    }
}
