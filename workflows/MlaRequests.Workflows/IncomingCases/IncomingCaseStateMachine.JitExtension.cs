using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// The extension of a JIT agreement in force (UNTOC Art. 19: the period is what the parties agree, so a longer one is agreed by
/// both): <c>AgreementInForce → ExtensionProposedHere | ExtensionProposedThere → AgreementInForce</c>. Either party proposes a
/// later end date with reasons; the other signs it (the new end date is in force on both nodes and the period clock starts again,
/// due at the end of the new last day) or declines it (nothing changes). Two proposals that cross lapse both, on both nodes
/// alike. Closure and withdrawal stay possible while a proposal is open.
/// </summary>
public sealed partial class IncomingCaseStateMachine
{
    void DuringJitExtension(WorkflowNode node)
    {
        Event(() => ProposeJitExtension, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => SignJitExtension, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => DeclineJitExtension, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => JitExtensionProposed, e => DiscardWhenMissing(e, m => m.Message.BranchId));
        Event(() => JitExtensionSigned, e => DiscardWhenMissing(e, m => m.Message.BranchId));
        Event(() => JitExtensionDeclined, e => DiscardWhenMissing(e, m => m.Message.BranchId));

        During(AgreementInForce,
            When(ProposeJitExtension)
                .Then(c => c.Saga.ProposedJitEndsOn = c.Message.EndsOn)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new JitExtensionProposed(c.Saga.CorrelationId, node.Code, c.Message.EndsOn, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .TransitionTo(ExtensionProposedHere)
                .Record(TimelineTexts.JitExtensionProposed, c => c.Message.Actor, c => c.Message.At,
                    c => TimelineTexts.JitExtensionProposedDetails.Format(Day(c.Message.EndsOn), c.Message.Reasons)),
            When(JitExtensionProposed)
                .Then(c => c.Saga.ProposedJitEndsOn = c.Message.EndsOn)
                .TransitionTo(ExtensionProposedThere)
                .Record(TimelineTexts.JitExtensionProposed, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At,
                    c => TimelineTexts.JitExtensionProposedDetails.Format(Day(c.Message.EndsOn), c.Message.Reasons)));

        During(ExtensionProposedThere,
            When(SignJitExtension)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new JitExtensionSigned(c.Saga.CorrelationId, node.Code, c.Saga.ProposedJitEndsOn!.Value, c.Message.Actor, c.Message.At))
                .ThenAsync(c => ExtendAsync(c, node, c.Saga.ProposedJitEndsOn!.Value, c.Message.At))
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitExtensionSigned, c => c.Message.Actor, c => c.Message.At,
                    c => TimelineTexts.JitExtensionSignedDetails.Format(Day(c.Saga.JitEndsOn!.Value))),
            When(DeclineJitExtension)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new JitExtensionDeclined(c.Saga.CorrelationId, node.Code, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .Then(c => c.Saga.ProposedJitEndsOn = null)
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitExtensionDeclined, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons));

        During(ExtensionProposedHere,
            When(JitExtensionSigned)
                .ThenAsync(c => ExtendAsync(c, node, c.Message.EndsOn, c.Message.At))
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitExtensionSigned, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At,
                    c => TimelineTexts.JitExtensionSignedDetails.Format(Day(c.Message.EndsOn))),
            When(JitExtensionDeclined)
                .Then(c => c.Saga.ProposedJitEndsOn = null)
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitExtensionDeclined, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Reasons),
            // Both proposed before either saw the other's proposal: the requesting node does the same with this node's proposal.
            When(JitExtensionProposed)
                .Then(c => c.Saga.ProposedJitEndsOn = null)
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitExtensionsCrossed, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At,
                    c => TimelineTexts.JitExtensionsCrossedDetails.Format(Day(c.Message.EndsOn))));

        // The other party's answers come after its proposal or ours: one arriving before the agreement is in force here (it overtook the
        // other party's signature) is held by the retry; one reaching a closed or withdrawn agreement is late and changes nothing.
        _order.SameRankAs(AgreementInForce, ExtensionProposedHere, ExtensionProposedThere)
            .Event(ProposeJitExtension, ExtensionProposedHere).Event(SignJitExtension, AgreementInForce).Event(DeclineJitExtension, AgreementInForce)
            .Event(JitExtensionProposed, AgreementClosed).Event(JitExtensionSigned, AgreementClosed).Event(JitExtensionDeclined, AgreementClosed);
    }

    /// <summary>
    /// The extension is in force: the period clock running to the old end date is cancelled and a new one (the next round) runs to the
    /// end of <paramref name="endsOn"/>, so its reminders follow the new period.
    /// </summary>
    static async Task ExtendAsync<T>(BehaviorContext<IncomingCaseState, T> c, WorkflowNode node, LocalDate endsOn, Instant at)
        where T : class
    {
        var s = c.Saga;
        var before = s.JitEndsOn ?? (await c.Reads().IncomingContentAsync(s.CorrelationId, c.CancellationToken))?.Jit?.EndsOn;
        if (before is not null)
            await c.Publish(new CancelClock(JitClockId(s), $"JIT agreement extended to {Day(endsOn)}", at));
        s.JitExtensions++;
        s.JitEndsOn = endsOn;
        s.ProposedJitEndsOn = null;
        await c.Publish(new StartClock(JitClockId(s), s.CorrelationId, s.CorrelationId, ClockKind.JitPeriod, s.LegalBasis, s.Urgent, node.Code, s.Reference,
            null, at, LastDay: endsOn));
    }

    /// <summary>The agreement's current period clock (the first one, or the one the latest extension started).</summary>
    static Guid JitClockId(IncomingCaseState s) => ClockIds.For(s.CorrelationId, ClockKind.JitPeriod, s.JitExtensions);

    static string Day(LocalDate day) => LocalDatePattern.Iso.Format(day);

    /// <summary>This country proposed a later end date; the requesting country signs or declines it. The agreement stays in force.</summary>
    public State ExtensionProposedHere { get; private set; } = null!;

    /// <summary>The requesting country proposed a later end date; this country signs or declines it. The agreement stays in force.</summary>
    public State ExtensionProposedThere { get; private set; } = null!;

    /// <summary>This country proposes a later end date.</summary>
    public Event<ProposeJitExtension> ProposeJitExtension { get; private set; } = null!;

    /// <summary>This country signs the requesting country's proposed extension.</summary>
    public Event<SignJitExtension> SignJitExtension { get; private set; } = null!;

    /// <summary>This country declines the requesting country's proposed extension.</summary>
    public Event<DeclineJitExtension> DeclineJitExtension { get; private set; } = null!;

    /// <summary>The requesting country proposed a later end date.</summary>
    public Event<JitExtensionProposed> JitExtensionProposed { get; private set; } = null!;

    /// <summary>The requesting country signed this country's proposed extension.</summary>
    public Event<JitExtensionSigned> JitExtensionSigned { get; private set; } = null!;

    /// <summary>The requesting country declined this country's proposed extension.</summary>
    public Event<JitExtensionDeclined> JitExtensionDeclined { get; private set; } = null!;
}
