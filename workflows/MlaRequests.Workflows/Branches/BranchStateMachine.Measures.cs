using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Measures;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// The requested country's per-measure results, on the requesting node: each report updates the branch's row for that
/// measure (the table per country and per measure on the request), and the first measure that yields something makes an
/// executing branch partially executed, as it does on the receiving node. Reports that arrive after the branch moved on
/// (executed, evidence sent, completed) still update the table, and an older report never overwrites a newer one. A report naming a measure the transmitted content does
/// not have, or a status this node does not know, changes no row and is only written to the timeline.
/// </summary>
public sealed partial class BranchStateMachine
{
    void DuringExecutionPerMeasure()
    {
        Event(() => MeasureResultReported, e => e.FaultWhenMissing(m => m.Message.BranchId));

        During(InExecution,
            When(MeasureResultReported, c => Yields(c.Message))
                .ThenAsync(StoreReportAsync)
                .TransitionTo(PartiallyExecuted)
                .Record(TimelineTexts.MeasureReported, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => ReportDetails(c.Message)),
            When(MeasureResultReported, c => !Yields(c.Message))
                .ThenAsync(StoreReportAsync)
                .Record(TimelineTexts.MeasureReported, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => ReportDetails(c.Message)));

        During(PartiallyExecuted, Executed, EvidenceTransferred, Completed,
            When(MeasureResultReported)
                .ThenAsync(StoreReportAsync)
                .Record(TimelineTexts.MeasureReported, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => ReportDetails(c.Message)));

        _order.Event(MeasureResultReported, InExecution)
            .RecordWhenLate<BranchState, MeasureResultReported>(MeasureResultReported, (_, m) => new(TimelineTexts.MeasureReported.Format(),
                Remote(m.Node, m.Actor), m.At, ReportDetails(m)));
    }

    /// <summary>The requested country reported one measure's result.</summary>
    public Event<MeasureResultReported> MeasureResultReported { get; private set; } = null!;

    static bool Yields(MeasureResultReported m) => Enum.TryParse<MeasureStatus>(m.Status, out var status) && MeasureRules.Yielded(status);

    static string ReportDetails(MeasureResultReported m) =>
        m.Status == nameof(MeasureStatus.Refused)
            ? TimelineTexts.MeasureRefusalDetails.Format(m.Measure, string.Join(", ", m.Grounds), m.Reasons)
            : TimelineTexts.MeasureDetails.Format(m.Measure, m.Status, m.Summary);

    static async Task StoreReportAsync(BehaviorContext<BranchState, MeasureResultReported> c)
    {
        var m = c.Message;
        if (!Enum.TryParse<MeasureStatus>(m.Status, out var status) || !Enum.IsDefined(status) || int.TryParse(m.Status, out _))
            return;
        var content = await c.Reads().RequestContentAsync(c.Saga.RequestId, c.CancellationToken);
        if (m.Measure < 1 || m.Measure > content.Measures.Count)
            return;
        var row = await MeasureRows.FindOrAddAsync(c.Db(), c.Saga.CorrelationId, m.Measure, c.CancellationToken);
        // Reports cross independently: an older one that arrives last does not overwrite a newer one.
        if (row.RecordedAt is { } recorded && recorded > m.At)
            return;
        row.Status = status;
        row.Summary = m.Summary.Length == 0 ? null : m.Summary;
        row.Grounds = m.Grounds.Count == 0 ? null : string.Join(',', m.Grounds);
        row.Reasons = m.Reasons;
        row.RecordedBy = Remote(m.Node, m.Actor);
        row.RecordedAt = m.At;
    }
}
