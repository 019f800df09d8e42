using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Measures;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// Provisional measures (issue 15): each freezing or preservation requested runs its own 24-hour clock from the request's arrival
/// (<c>ClockIds.For(case, ProvisionalMeasures, n)</c>), stopped when that measure is ordered or refused
/// (<see cref="DecideProvisionalMeasure"/>), which the requesting country is told (<see cref="ProvisionalMeasureDecided"/>). The decision
/// may come at any point of recognition and after acceptance: acceptance no longer stops the clock of an undecided measure, since the
/// clock measures that decision. A refusal, postponement or withdrawal of the whole request cancels the clocks still running. A case
/// received by the previous release keeps its single clock, which stops at acceptance as before.
/// </summary>
public sealed partial class IncomingCaseStateMachine
{
    void DuringProvisionalMeasures(WorkflowNode node)
    {
        Event(() => DecideProvisionalMeasure, e => e.FaultWhenMissing(m => m.Message.CaseId));

        During([Received, Registered, Assigned, AwaitingInformation, RefusalProposed, InConsultation, Postponed, InExecution, PartiallyExecuted, ExecutionPostponed,
                Executed, ResponseTransmitted, AgreementAwaitingSignatures, AgreementSignedHere, AgreementSignedThere, AgreementInForce, ExtensionProposedHere,
                ExtensionProposedThere, AmendmentProposedHere, AmendmentProposedThere, AgreementAwaitingParties],
            When(DecideProvisionalMeasure)
                // Written first, while the saga still says whether this measure's clock runs.
                .Record(c => ProvisionalTitle(c.Message.Outcome, c.Message.Measure), c => c.Message.Actor, c => c.Message.At,
                    c => ProvisionalDetails(c.Message.Authority, c.Message.DecidedAt, c.Message.Reasons, c.Message.Grounds,
                        ProvisionalClocks.Parse(c.Saga.ProvisionalMeasures).Contains(c.Message.Measure)))
                .ThenAsync(async c =>
                {
                    var m = c.Message;
                    await StoreAsync(c, m.Measure, r =>
                    {
                        r.ProvisionalOutcome = m.Outcome;
                        r.ProvisionalDecidedAt = m.DecidedAt;
                        r.ProvisionalAuthority = m.Authority;
                        r.ProvisionalGrounds = m.Grounds.Count == 0 ? null : string.Join(',', m.Grounds);
                        r.ProvisionalReasons = m.Reasons;
                        r.ProvisionalRecordedBy = m.Actor;
                        r.ProvisionalRecordedAt = m.At;
                    });
                    await StopProvisionalClockAsync(c, m.Measure, m.At);
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new ProvisionalMeasureDecided(c.Saga.CorrelationId, node.Code, c.Message.Measure, c.Message.Outcome, c.Message.DecidedAt, c.Message.Authority,
                        c.Message.Grounds, c.Message.Reasons, c.Message.Actor, c.Message.At)));

        _order.Event(DecideProvisionalMeasure, Received);
    }

    /// <summary>A provisional measure ordered or refused.</summary>
    public Event<DecideProvisionalMeasure> DecideProvisionalMeasure { get; private set; } = null!;

    /// <summary>True when this node tells the requesting node each provisional decision (it speaks contract version 4).</summary>
    static bool DecisionsFollow(WorkflowNode node) => node.ContractVersion >= ProvisionalClocks.SinceVersion;

    /// <summary>Starts one clock per provisional measure (the positions of <paramref name="positions"/>) and keeps their positions.</summary>
    static async Task StartProvisionalClocksAsync<T>(BehaviorContext<IncomingCaseState, T> c, IReadOnlyList<int> positions, string actingCountry, Instant at)
        where T : class
    {
        var s = c.Saga;
        foreach (var position in positions)
        {
            await c.Publish(new StartClock(ClockIds.For(s.CorrelationId, ClockKind.ProvisionalMeasures, position), s.CorrelationId, s.CorrelationId,
                ClockKind.ProvisionalMeasures, s.LegalBasis, s.Urgent, actingCountry, s.Reference, null, at));
        }
        s.ProvisionalMeasures = ProvisionalClocks.Format(positions);
    }

    /// <summary>Stops the clock of provisional measure <paramref name="measure"/> when it still runs.</summary>
    static async Task StopProvisionalClockAsync<T>(BehaviorContext<IncomingCaseState, T> c, int measure, Instant at)
        where T : class
    {
        var s = c.Saga;
        if (!ProvisionalClocks.Parse(s.ProvisionalMeasures).Contains(measure))
            return;
        await c.Publish(new StopClock(ClockIds.For(s.CorrelationId, ClockKind.ProvisionalMeasures, measure), at));
        s.ProvisionalMeasures = ProvisionalClocks.Without(s.ProvisionalMeasures, measure);
    }

    /// <summary>Cancels every provisional clock still running (the whole request refused, postponed or withdrawn).</summary>
    static async Task CancelProvisionalClocksAsync<T>(BehaviorContext<IncomingCaseState, T> c, Instant at, string reason)
        where T : class
    {
        var s = c.Saga;
        foreach (var measure in ProvisionalClocks.Parse(s.ProvisionalMeasures))
            await c.Publish(new CancelClock(ClockIds.For(s.CorrelationId, ClockKind.ProvisionalMeasures, measure), reason, at));
        s.ProvisionalMeasures = null;
    }

    internal static string ProvisionalTitle(string outcome, int measure) =>
        (outcome == ProvisionalMeasureRules.Refused ? TimelineTexts.ProvisionalRefused : TimelineTexts.ProvisionalOrdered).Format(measure);

    internal static string ProvisionalDetails(string authority, Instant decidedAt, string? reasons, IReadOnlyList<string> grounds, bool clockStopped)
    {
        var why = string.Join(" ", new[] { grounds.Count > 0 ? string.Join(", ", grounds) + "." : null, reasons }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return (clockStopped ? TimelineTexts.ProvisionalDetailsClockStopped : TimelineTexts.ProvisionalDetails).Format(authority, decidedAt, why);
    }
}
