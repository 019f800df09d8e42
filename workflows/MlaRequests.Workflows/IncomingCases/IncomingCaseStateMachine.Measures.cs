using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Measures;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// Execution per measure: the executing authority records each measure's status (reported to the requesting country at
/// once), proposes a refusal of one measure (kept on this node) that a supervisor signs off before it is reported, and
/// prepares the evidence a liaison officer then transfers. The first measure that yields something makes the case
/// partially executed; the case is marked executed with <see cref="RecordExecution"/> once every measure is final.
/// </summary>
public sealed partial class IncomingCaseStateMachine
{
    void DuringExecutionPerMeasure(WorkflowNode node)
    {
        Event(() => RecordMeasureResult, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => ProposeMeasureRefusal, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => SignOffMeasureRefusal, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => PrepareEvidence, e => e.FaultWhenMissing(m => m.Message.CaseId));

        During(InExecution,
            When(RecordMeasureResult, c => MeasureRules.Yielded(c.Message.Status))
                .ThenAsync(c => StoreAsync(c, c.Message.Measure, r => Recorded(r, c.Message)))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode), c => Report(node, c.Saga, c.Message))
                .TransitionTo(PartiallyExecuted)
                .Record(TimelineTexts.MeasureRecorded, c => c.Message.Actor, c => c.Message.At, c => Details(c.Message)),
            When(RecordMeasureResult, c => !MeasureRules.Yielded(c.Message.Status))
                .ThenAsync(c => StoreAsync(c, c.Message.Measure, r => Recorded(r, c.Message)))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode), c => Report(node, c.Saga, c.Message))
                .Record(TimelineTexts.MeasureRecorded, c => c.Message.Actor, c => c.Message.At, c => Details(c.Message)));

        During(PartiallyExecuted,
            When(RecordMeasureResult)
                .ThenAsync(c => StoreAsync(c, c.Message.Measure, r => Recorded(r, c.Message)))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode), c => Report(node, c.Saga, c.Message))
                .Record(TimelineTexts.MeasureRecorded, c => c.Message.Actor, c => c.Message.At, c => Details(c.Message)));

        During(InExecution, PartiallyExecuted,
            When(ProposeMeasureRefusal)
                .ThenAsync(c => StoreAsync(c, c.Message.Measure, r =>
                {
                    r.ProposedGrounds = string.Join(',', c.Message.Grounds);
                    r.ProposedReasons = c.Message.Reasons;
                    r.ProposedBy = c.Message.Actor;
                    r.ProposedAt = c.Message.At;
                }))
                .Record(TimelineTexts.MeasureRefusalProposed, c => c.Message.Actor, c => c.Message.At,
                    c => TimelineTexts.MeasureRefusalDetails.Format(c.Message.Measure, string.Join(", ", c.Message.Grounds), c.Message.Reasons)),
            When(SignOffMeasureRefusal)
                .ThenAsync(c => StoreAsync(c, c.Message.Measure, r =>
                {
                    r.Status = MeasureStatus.Refused;
                    r.Summary = null;
                    r.Grounds = string.Join(',', c.Message.Grounds);
                    r.Reasons = c.Message.Reasons;
                    r.RecordedBy = c.Message.Actor;
                    r.RecordedAt = c.Message.At;
                    r.ProposedGrounds = r.ProposedReasons = r.ProposedBy = null;
                    r.ProposedAt = null;
                }))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new MeasureResultReported(c.Saga.CorrelationId, node.Code, c.Message.Measure, nameof(MeasureStatus.Refused), string.Empty,
                        c.Message.Grounds, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .Record(TimelineTexts.MeasureRefusalSignedOff, c => c.Message.Actor, c => c.Message.At,
                    c => TimelineTexts.MeasureRefusalDetails.Format(c.Message.Measure, string.Join(", ", c.Message.Grounds), c.Message.Reasons)));

        During(InExecution, PartiallyExecuted, Executed,
            When(PrepareEvidence)
                .Record(TimelineTexts.EvidencePrepared, c => c.Message.Actor, c => c.Message.At, c => c.Message.Description));

        _order.Event(RecordMeasureResult, InExecution).Event(ProposeMeasureRefusal, InExecution).Event(SignOffMeasureRefusal, InExecution)
            .Event(PrepareEvidence, InExecution);
    }

    /// <summary>A measure's result recorded.</summary>
    public Event<RecordMeasureResult> RecordMeasureResult { get; private set; } = null!;

    /// <summary>A measure's refusal proposed.</summary>
    public Event<ProposeMeasureRefusal> ProposeMeasureRefusal { get; private set; } = null!;

    /// <summary>A measure's refusal signed off.</summary>
    public Event<SignOffMeasureRefusal> SignOffMeasureRefusal { get; private set; } = null!;

    /// <summary>Evidence prepared for the liaison officer to transfer.</summary>
    public Event<PrepareEvidence> PrepareEvidence { get; private set; } = null!;

    /// <summary>A recorded result replaces any refusal still waiting for sign-off: the measure was carried out after all.</summary>
    static void Recorded(MeasureResult row, RecordMeasureResult m)
    {
        row.ProposedGrounds = row.ProposedReasons = row.ProposedBy = null;
        row.ProposedAt = null;
        row.Status = m.Status;
        row.Summary = m.Summary;
        row.Reasons = m.Reasons;
        row.Grounds = null;
        row.RecordedBy = m.Actor;
        row.RecordedAt = m.At;
    }

    static MeasureResultReported Report(WorkflowNode node, IncomingCaseState s, RecordMeasureResult m) =>
        new(s.CorrelationId, node.Code, m.Measure, m.Status.ToString(), m.Summary, [], m.Reasons, m.Actor, m.At);

    static string Details(RecordMeasureResult m) => TimelineTexts.MeasureDetails.Format(m.Measure, m.Status, m.Summary);

    /// <summary>Changes the case's row for <paramref name="measure"/> (made when it has none) in the step's own transaction.</summary>
    static async Task StoreAsync<T>(BehaviorContext<IncomingCaseState, T> c, int measure, Action<MeasureResult> change)
        where T : class => change(await MeasureRows.FindOrAddAsync(c.Db(), c.Saga.CorrelationId, measure, c.CancellationToken));
}
