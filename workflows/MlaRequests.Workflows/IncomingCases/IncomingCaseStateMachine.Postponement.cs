using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// Postponement during execution and the end of every postponement (UNTOC Art. 18(25)): a case in execution is postponed to
/// <c>ExecutionPostponed</c>; a liaison officer resumes a postponed case, which returns to where it was postponed from
/// (recognition, <c>Assigned</c>, with a fresh recognition clock; or the execution status it left, with a fresh execution
/// clock), and the requesting country is told (<see cref="IncomingRequestResumed"/>). A case the previous release postponed has the same stored state and is resumed
/// the same way. Also here: a supervisor sends a proposed refusal of one measure back; the proposal is withdrawn and the
/// measure stays as it was, nothing leaves the node.
/// </summary>
public sealed partial class IncomingCaseStateMachine
{
    void DuringPostponement(WorkflowNode node)
    {
        Event(() => ResumeIncoming, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => ReturnMeasureRefusal, e => e.FaultWhenMissing(m => m.Message.CaseId));

        During(Postponed,
            When(ResumeIncoming)
                .ThenAsync(async c =>
                {
                    // The postponement cancelled the recognition clock; the period starts afresh from the resumption (a new
                    // clock: the cancelled one keeps its history).
                    var s = c.Saga;
                    var decision = KindClocks.DecisionClockOf(s.Kind);
                    var id = ClockIds.Restarted(s.CorrelationId, decision, c.Message.At);
                    await c.Publish(new StartClock(id, s.CorrelationId, s.CorrelationId, decision, s.LegalBasis, s.Urgent, node.Code, s.Reference,
                        null, c.Message.At));
                    s.RecognitionClockId = id;
                    await Stop(c, s.PostponementClockId, c.Message.At);
                    s.PostponementClockId = null;
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new IncomingRequestResumed(c.Saga.CorrelationId, node.Code, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .TransitionTo(Assigned)
                .Record(TimelineTexts.Resumed, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons),
            // Extended by postponing again: a new end date, grounds and reason; the end-date clock starts over on the new date.
            When(PostponeIncoming)
                .ThenAsync(c => PostponeAsync(c, node))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode), c => Postponement(node, c.Saga, c.Message))
                .Record(TimelineTexts.PostponementExtended, c => c.Message.Actor, c => c.Message.At, c => PostponedDetails(c.Message)));

        // During execution: the measures keep their recorded results; nothing new is executed until the resumption, which
        // returns the case to the execution status it left with a fresh execution clock.
        During(InExecution, PartiallyExecuted,
            When(PostponeIncoming)
                .Then(c => c.Saga.PostponedFrom = c.Saga.CurrentState)
                .ThenAsync(c => PostponeAsync(c, node))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode), c => Postponement(node, c.Saga, c.Message))
                .TransitionTo(ExecutionPostponed)
                .Record(TimelineTexts.Postponed, c => c.Message.Actor, c => c.Message.At, c => PostponedDetails(c.Message)));

        // The two ways back are told apart by PostponedFrom, which neither changes (conditions are evaluated one after the other).
        During(ExecutionPostponed,
            When(ResumeIncoming, c => c.Saga.PostponedFrom == PartiallyExecuted.Name)
                .ThenAsync(c => ResumeExecutionAsync(c, node))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new IncomingRequestResumed(c.Saga.CorrelationId, node.Code, c.Message.Reasons, c.Message.Actor, c.Message.At, PartiallyExecuted.Name))
                .TransitionTo(PartiallyExecuted)
                .Record(TimelineTexts.Resumed, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons),
            When(ResumeIncoming, c => c.Saga.PostponedFrom != PartiallyExecuted.Name)
                .ThenAsync(c => ResumeExecutionAsync(c, node))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new IncomingRequestResumed(c.Saga.CorrelationId, node.Code, c.Message.Reasons, c.Message.Actor, c.Message.At, InExecution.Name))
                .TransitionTo(InExecution)
                .Record(TimelineTexts.Resumed, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons),
            When(PostponeIncoming)
                .ThenAsync(c => PostponeAsync(c, node))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode), c => Postponement(node, c.Saga, c.Message))
                .Record(TimelineTexts.PostponementExtended, c => c.Message.Actor, c => c.Message.At, c => PostponedDetails(c.Message)));

        During(InExecution, PartiallyExecuted,
            When(ReturnMeasureRefusal)
                .ThenAsync(c => StoreAsync(c, c.Message.Measure, r =>
                {
                    r.ProposedGrounds = r.ProposedReasons = r.ProposedBy = null;
                    r.ProposedAt = null;
                }))
                .Record(TimelineTexts.MeasureRefusalReturned, c => c.Message.Actor, c => c.Message.At,
                    c => TimelineTexts.MeasureRefusalReturnedDetails.Format(c.Message.Measure, c.Message.Reasons)));

        _order.Event(ResumeIncoming, Assigned).Event(ReturnMeasureRefusal, InExecution);
    }

    /// <summary>
    /// Stops what the postponement stops (every running clock of the case, the previous end-date clock of a postponement
    /// extended) and starts the clock on the new end date.
    /// </summary>
    static async Task PostponeAsync(BehaviorContext<IncomingCaseState, PostponeIncoming> c, WorkflowNode node)
    {
        await CancelClocks(c, c.Message.At, "Postponed", keepDesiredDate: true);
        var s = c.Saga;
        var id = ClockIds.Restarted(s.CorrelationId, ClockKind.Postponement, c.Message.At);
        await c.Publish(new StartClock(id, s.CorrelationId, s.CorrelationId, ClockKind.Postponement, s.LegalBasis, s.Urgent, node.Code, s.Reference, null,
            c.Message.At, Until: c.Message.Until));
        s.PostponementClockId = id;
    }

    /// <summary>Starts the execution clock afresh (a new clock) and stops the end-date clock.</summary>
    static async Task ResumeExecutionAsync(BehaviorContext<IncomingCaseState, ResumeIncoming> c, WorkflowNode node)
    {
        var s = c.Saga;
        if (KindClocks.HasExecutionClock(s.Kind))
        {
            var id = ClockIds.Restarted(s.CorrelationId, ClockKind.Execution, c.Message.At);
            await c.Publish(new StartClock(id, s.CorrelationId, s.CorrelationId, ClockKind.Execution, s.LegalBasis, s.Urgent, node.Code, s.Reference, null, c.Message.At));
            s.ExecutionClockId = id;
        }
        await Stop(c, s.PostponementClockId, c.Message.At);
        s.PostponementClockId = null;
    }

    static IncomingRequestPostponed Postponement(WorkflowNode node, IncomingCaseState s, PostponeIncoming m) =>
        new(s.CorrelationId, node.Code, m.Reason, m.Until, m.Actor, m.At, m.Grounds is { Count: > 0 } grounds ? grounds : null);

    /// <summary>The timeline's details of a postponement: with its coded grounds when it has them.</summary>
    static string PostponedDetails(PostponeIncoming m) => m.Grounds is { Count: > 0 } grounds
        ? TimelineTexts.PostponedOnGroundsDetails.Format(m.Until, string.Join(", ", grounds), m.Reason)
        : TimelineTexts.PostponedDetails.Format(m.Until, m.Reason);

    /// <summary>Execution postponed (UNTOC Art. 18(25)); the measures keep their recorded results.</summary>
    public State ExecutionPostponed { get; private set; } = null!;

    /// <summary>A postponed case resumed.</summary>
    public Event<ResumeIncoming> ResumeIncoming { get; private set; } = null!;

    /// <summary>A proposed refusal of one measure sent back.</summary>
    public Event<ReturnMeasureRefusal> ReturnMeasureRefusal { get; private set; } = null!;
}
