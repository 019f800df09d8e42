using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// The end of a postponement (UNTOC Art. 18(25)): a liaison officer resumes a postponed case, which returns to recognition
/// (<c>Assigned</c>, the only status a case is postponed from) with a fresh recognition clock, and the requesting country is
/// told (<see cref="IncomingRequestResumed"/>). A case the previous release postponed has the same stored state and is resumed
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
                    var id = ClockIds.Restarted(s.CorrelationId, ClockKind.Recognition, c.Message.At);
                    await c.Publish(new StartClock(id, s.CorrelationId, s.CorrelationId, ClockKind.Recognition, s.LegalBasis, s.Urgent, node.Code, s.Reference,
                        null, c.Message.At));
                    s.RecognitionClockId = id;
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new IncomingRequestResumed(c.Saga.CorrelationId, node.Code, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .TransitionTo(Assigned)
                .Record(TimelineTexts.Resumed, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons));

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

    /// <summary>A postponed case resumed.</summary>
    public Event<ResumeIncoming> ResumeIncoming { get; private set; } = null!;

    /// <summary>A proposed refusal of one measure sent back.</summary>
    public Event<ReturnMeasureRefusal> ReturnMeasureRefusal { get; private set; } = null!;
}
