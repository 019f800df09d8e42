using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// The requested country postponed execution (the branch is <c>ExecutionPostponed</c>) or resumed a postponed request
/// (<see cref="IncomingRequestResumed"/>): the branch leaves <c>Postponed</c> for <c>UnderRecognition</c>, or
/// <c>ExecutionPostponed</c> for the execution status the requested country names, and the foreign clock the postponement
/// cancelled runs afresh from the resumption, as it does on the receiving node. A resumption that arrives after the branch moved on (a decision
/// that crossed it) changes nothing and is written to the timeline.
/// </summary>
public sealed partial class BranchStateMachine
{
    void DuringPostponement()
    {
        Event(() => IncomingRequestResumed, e => e.FaultWhenMissing(m => m.Message.BranchId));

        During(Postponed,
            When(IncomingRequestResumed)
                .ThenAsync(async c =>
                {
                    var s = c.Saga;
                    var decision = KindClocks.DecisionClockOf(s.Kind);
                    var id = ClockIds.Restarted(s.CorrelationId, decision, c.Message.At);
                    await c.Publish(new StartClock(id, s.RequestId, s.CorrelationId, decision, s.LegalBasis, s.Urgent, s.TargetNode, s.Reference,
                        s.OfficeCode, c.Message.At));
                    s.RecognitionClockId = id;
                })
                .TransitionTo(UnderRecognition)
                .Record(TimelineTexts.Resumed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Reasons));

        During(InExecution, PartiallyExecuted,
            When(IncomingRequestPostponed)
                .ThenAsync(c => CancelClocks(c, c.Message.At, "Postponed by the requested authority", keepDesiredDate: true))
                .TransitionTo(ExecutionPostponed)
                .Record(TimelineTexts.Postponed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => PostponedDetails(c.Message)));

        // Back to the execution status the requested country names; the foreign execution clock runs afresh. Reports of measures
        // obtained before the postponement that arrive meanwhile still fill the table.
        During(ExecutionPostponed,
            When(IncomingRequestResumed, c => c.Message.ResumedTo == PartiallyExecuted.Name)
                .ThenAsync(RestartExecutionAsync)
                .TransitionTo(PartiallyExecuted)
                .Record(TimelineTexts.Resumed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Reasons),
            When(IncomingRequestResumed, c => c.Message.ResumedTo != PartiallyExecuted.Name)
                .ThenAsync(RestartExecutionAsync)
                .TransitionTo(InExecution)
                .Record(TimelineTexts.Resumed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Reasons),
            When(IncomingRequestPostponed)
                .Record(TimelineTexts.PostponementExtended, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => PostponedDetails(c.Message)),
            When(MeasureResultReported)
                .ThenAsync(StoreReportAsync)
                .Record(TimelineTexts.MeasureReported, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => ReportDetails(c.Message)));

        // Ranked after every status a branch is postponed from (up to PartiallyExecuted): a resumption that overtakes its
        // postponement faults, so the endpoint's retry holds it until the postponement lands (ranked lower it would be taken for
        // a late duplicate and the branch would stay postponed); copies of an applied message are dropped by the border's inbox
        // before they reach the machine.
        _order.Event(IncomingRequestResumed, Executed)
            .RecordWhenLate<BranchState, IncomingRequestResumed>(IncomingRequestResumed, (_, m) => new(TimelineTexts.Resumed.Format(),
                Remote(m.Node, m.Actor), m.At, m.Reasons));
    }

    static async Task RestartExecutionAsync(BehaviorContext<BranchState, IncomingRequestResumed> c)
    {
        var s = c.Saga;
        if (!KindClocks.HasExecutionClock(s.Kind))
            return;
        var id = ClockIds.Restarted(s.CorrelationId, ClockKind.Execution, c.Message.At);
        await c.Publish(new StartClock(id, s.RequestId, s.CorrelationId, ClockKind.Execution, s.LegalBasis, s.Urgent, s.TargetNode, s.Reference, s.OfficeCode,
            c.Message.At));
        s.ExecutionClockId = id;
    }

    /// <summary>Execution postponed by the requested country; the measures keep the results it reported.</summary>
    public State ExecutionPostponed { get; private set; } = null!;

    /// <summary>The timeline's details of the requested country's postponement: with its coded grounds when it sent them.</summary>
    static string PostponedDetails(IncomingRequestPostponed m) => m.Grounds is { Count: > 0 } grounds
        ? TimelineTexts.PostponedOnGroundsDetails.Format(m.Until, string.Join(", ", grounds), m.Reason)
        : TimelineTexts.PostponedDetails.Format(m.Until, m.Reason);

    /// <summary>The requested country resumed the postponed request.</summary>
    public Event<IncomingRequestResumed> IncomingRequestResumed { get; private set; } = null!;
}
