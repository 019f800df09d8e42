using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// The requested country resumed a postponed request (<see cref="IncomingRequestResumed"/>): the branch leaves
/// <c>Postponed</c> for <c>UnderRecognition</c>, and the foreign recognition clock the postponement cancelled runs afresh
/// from the resumption, as it does on the receiving node. A resumption that arrives after the branch moved on (a decision
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
                    var id = ClockIds.Restarted(s.CorrelationId, ClockKind.Recognition, c.Message.At);
                    await c.Publish(new StartClock(id, s.RequestId, s.CorrelationId, ClockKind.Recognition, s.LegalBasis, s.Urgent, s.TargetNode, s.Reference,
                        s.OfficeCode, c.Message.At));
                    s.RecognitionClockId = id;
                })
                .TransitionTo(UnderRecognition)
                .Record(TimelineTexts.Resumed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Reasons));

        // Ranked after Postponed: a resumption that overtakes its postponement faults, so the endpoint's retry holds it until
        // the postponement lands (ranked as UnderRecognition it would be taken for a late duplicate and the branch would stay
        // postponed); copies of an applied message are dropped by the border's inbox before they reach the machine.
        _order.Event(IncomingRequestResumed, InExecution)
            .RecordWhenLate<BranchState, IncomingRequestResumed>(IncomingRequestResumed, (_, m) => new(TimelineTexts.Resumed.Format(),
                Remote(m.Node, m.Actor), m.At, m.Reasons));
    }

    /// <summary>The requested country resumed the postponed request.</summary>
    public Event<IncomingRequestResumed> IncomingRequestResumed { get; private set; } = null!;
}
