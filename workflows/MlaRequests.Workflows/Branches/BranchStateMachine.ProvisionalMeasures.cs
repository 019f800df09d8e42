using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Measures;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Timeline;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// Provisional measures on the requesting node (issue 15): the branch runs one clock per provisional measure from the transmission, the
/// same as the requested node's, and stops it when <see cref="ProvisionalMeasureDecided"/> arrives for that measure (the decision is
/// written to the branch's row of the measure and to the timeline). At acceptance the clocks of undecided measures keep running only
/// when the requested node says it reports decisions (<c>ProvisionalDecisionsFollow</c>) and this node reads them (contract version 4);
/// otherwise (a requested node of the previous release, or this node pinned lower) they stop there, as before. A refusal, postponement
/// or withdrawal of the whole branch cancels them.
/// </summary>
public sealed partial class BranchStateMachine
{
    void DuringProvisionalMeasures()
    {
        Event(() => ProvisionalMeasureDecided, e => e.FaultWhenMissing(m => m.Message.BranchId));

        During([Transmitted, Acknowledged, UnderRecognition, AdditionalInformationRequested, InConsultation, Postponed, InExecution, ExecutionPostponed,
                PartiallyExecuted, Executed, EvidenceTransferred, Completed, AgreementAwaitingSignatures, AgreementSignedHere, AgreementSignedThere,
                AgreementInForce, ExtensionProposedHere, ExtensionProposedThere, AmendmentProposedHere, AmendmentProposedThere, AgreementAwaitingParties,
                AgreementClosed],
            When(ProvisionalMeasureDecided)
                .Record(c => IncomingCaseStateMachine.ProvisionalTitle(c.Message.Outcome, c.Message.Measure), c => Remote(c.Message.Node, c.Message.Actor),
                    c => c.Message.At, c => IncomingCaseStateMachine.ProvisionalDetails(c.Message.Authority, c.Message.DecidedAt, c.Message.Reasons, c.Message.Grounds,
                        ProvisionalClocks.Parse(c.Saga.ProvisionalMeasures).Contains(c.Message.Measure)))
                .ThenAsync(StoreDecisionAsync));

        _order.Event(ProvisionalMeasureDecided, Transmitted)
            .RecordWhenLate<BranchState, ProvisionalMeasureDecided>(ProvisionalMeasureDecided, (_, m) => new(
                IncomingCaseStateMachine.ProvisionalTitle(m.Outcome, m.Measure), Remote(m.Node, m.Actor), m.At,
                IncomingCaseStateMachine.ProvisionalDetails(m.Authority, m.DecidedAt, m.Reasons, m.Grounds, false)));
    }

    /// <summary>The requested country ordered or refused a provisional measure.</summary>
    public Event<ProvisionalMeasureDecided> ProvisionalMeasureDecided { get; private set; } = null!;

    /// <summary>Starts one clock per provisional measure of <paramref name="content"/>, run in the requested country.</summary>
    static async Task StartProvisionalClocksAsync<T>(BehaviorContext<BranchState, T> c, RequestContent content, Instant at)
        where T : class
    {
        var s = c.Saga;
        var positions = ProvisionalMeasureRules.Positions(content.Measures);
        foreach (var position in positions)
        {
            await c.Publish(new StartClock(ClockIds.For(s.CorrelationId, ClockKind.ProvisionalMeasures, position), s.RequestId, s.CorrelationId,
                ClockKind.ProvisionalMeasures, s.LegalBasis, s.Urgent, s.TargetNode, s.Reference, s.OfficeCode, at));
        }
        s.ProvisionalMeasures = ProvisionalClocks.Format(positions);
    }

    /// <summary>
    /// At acceptance: the clocks of undecided provisional measures keep running when <paramref name="decisionsFollow"/> (the requested node
    /// reports decisions and this node reads them); otherwise they stop, as the single clock of the previous release did, and the timeline says why.
    /// </summary>
    static async Task StopProvisionalClocksAtAcceptanceAsync<T>(BehaviorContext<BranchState, T> c, bool decisionsFollow, Instant at)
        where T : class
    {
        var s = c.Saga;
        var running = ProvisionalClocks.Parse(s.ProvisionalMeasures);
        if (decisionsFollow || running.Count == 0)
            return;
        foreach (var measure in running)
            await c.Publish(new StopClock(ClockIds.For(s.CorrelationId, ClockKind.ProvisionalMeasures, measure), at));
        s.ProvisionalMeasures = null;
        c.Db().Add(new TimelineEntry
        {
            SubjectId = s.RequestId,
            BranchId = s.CorrelationId,
            Country = s.TargetNode,
            At = at,
            Actor = "system",
            Action = TimelineTexts.ProvisionalStoppedAtAcceptance.Format(),
            Status = s.CurrentState,
            Details = TimelineTexts.ProvisionalStoppedAtAcceptanceDetails.Format(string.Join(", ", running)),
        });
    }

    /// <summary>Cancels every provisional clock still running (the whole branch refused, postponed or withdrawn).</summary>
    static async Task CancelProvisionalClocksAsync<T>(BehaviorContext<BranchState, T> c, Instant at, string reason)
        where T : class
    {
        var s = c.Saga;
        foreach (var measure in ProvisionalClocks.Parse(s.ProvisionalMeasures))
            await c.Publish(new CancelClock(ClockIds.For(s.CorrelationId, ClockKind.ProvisionalMeasures, measure), reason, at));
        s.ProvisionalMeasures = null;
    }

    /// <summary>
    /// Writes the decision to the branch's row of the measure (the first decision counts; a measure the content does not have, or one
    /// that is not provisional, changes no row) and stops that measure's clock when it still runs.
    /// </summary>
    static async Task StoreDecisionAsync(BehaviorContext<BranchState, ProvisionalMeasureDecided> c)
    {
        var m = c.Message;
        var content = await c.Reads().RequestContentAsync(c.Saga.RequestId, c.CancellationToken);
        if (m.Measure < 1 || m.Measure > content.Measures.Count || !content.Measures[m.Measure - 1].IsProvisional || ProvisionalMeasureRules.Parse(m.Outcome) is not { } outcome)
            return;
        var row = await MeasureRows.FindOrAddAsync(c.Db(), c.Saga.CorrelationId, m.Measure, c.CancellationToken);
        if (row.ProvisionalDecided)
            return;
        row.ProvisionalOutcome = outcome;
        row.ProvisionalDecidedAt = m.DecidedAt;
        row.ProvisionalAuthority = m.Authority;
        row.ProvisionalGrounds = m.Grounds.Count == 0 ? null : string.Join(',', m.Grounds);
        row.ProvisionalReasons = m.Reasons;
        row.ProvisionalRecordedBy = Remote(m.Node, m.Actor);
        row.ProvisionalRecordedAt = m.At;
        var s = c.Saga;
        if (ProvisionalClocks.Parse(s.ProvisionalMeasures).Contains(m.Measure))
        {
            await c.Publish(new StopClock(ClockIds.For(s.CorrelationId, ClockKind.ProvisionalMeasures, m.Measure), m.At));
            s.ProvisionalMeasures = ProvisionalClocks.Without(s.ProvisionalMeasures, m.Measure);
        }
    }
}
