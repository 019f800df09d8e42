using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// A joint investigation team proposal on the requested side (UNTOC Art. 19): once accepted it is an agreement, not a request
/// to execute, so no execution clock runs. <c>AgreementAwaitingSignatures → AgreementSignedHere | AgreementSignedThere →
/// AgreementInForce → AgreementClosed</c>, or <c>AgreementDeclined</c> when either party declines before both signed. This node
/// signs for its own country; the requesting country's signature arrives as a message. In force when both signed: the period
/// clock then runs to the agreement's end date. Either party's team leader closes it with an evaluation the other party sees.
/// </summary>
public sealed partial class IncomingCaseStateMachine
{
    void DuringJitAgreement(WorkflowNode node)
    {
        Event(() => SignJitAgreement, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => DeclineJitAgreement, e => e.FaultWhenMissing(m => m.Message.CaseId));
        Event(() => CloseJitAgreement, e => e.FaultWhenMissing(m => m.Message.CaseId));
        // These contracts reach both the branch and the incoming-case workflow of a node: each keeps the ones for its own instances.
        Event(() => JitAgreementSigned, e => DiscardWhenMissing(e, m => m.Message.BranchId));
        Event(() => JitAgreementDeclined, e => DiscardWhenMissing(e, m => m.Message.BranchId));
        Event(() => JitAgreementClosed, e => DiscardWhenMissing(e, m => m.Message.BranchId));

        During(AgreementAwaitingSignatures, AgreementSignedThere,
            When(DeclineJitAgreement)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new JitAgreementDeclined(c.Saga.CorrelationId, node.Code, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .TransitionTo(AgreementDeclined)
                .Record(TimelineTexts.JitDeclined, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons));

        During(AgreementAwaitingSignatures,
            When(SignJitAgreement)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode), c => new JitAgreementSigned(c.Saga.CorrelationId, node.Code, c.Message.Actor, c.Message.At))
                .TransitionTo(AgreementSignedHere)
                .Record(TimelineTexts.JitSigned, c => c.Message.Actor, c => c.Message.At),
            When(JitAgreementSigned)
                .TransitionTo(AgreementSignedThere)
                .Record(TimelineTexts.JitSigned, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At));

        // Both signed: in force when every party of the agreement has (IncomingCaseStateMachine.JitParties.cs), else waiting for the others.
        During(AgreementSignedThere,
            WhenBothSigned(When(SignJitAgreement)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode), c => new JitAgreementSigned(c.Saga.CorrelationId, node.Code, c.Message.Actor, c.Message.At))
                .Record(TimelineTexts.JitSigned, c => c.Message.Actor, c => c.Message.At), node, _ => node.Code, c => c.Message.Actor, c => c.Message.At));

        During(AgreementSignedHere,
            WhenBothSigned(When(JitAgreementSigned)
                .Record(TimelineTexts.JitSigned, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At), node, c => c.Saga.RequestingNode,
                c => c.Message.Actor, c => c.Message.At));

        During(AgreementAwaitingSignatures, AgreementSignedHere, AgreementSignedThere,
            When(JitAgreementDeclined)
                .TransitionTo(AgreementDeclined)
                .Record(TimelineTexts.JitDeclined, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Reasons));

        During(AgreementInForce, ExtensionProposedHere, ExtensionProposedThere,
            When(CloseJitAgreement)
                .Publish(c => new StopClock(JitClockId(c.Saga), c.Message.At))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.RequestingNode),
                    c => new JitAgreementClosed(c.Saga.CorrelationId, node.Code, c.Message.Evaluation, c.Message.Actor, c.Message.At))
                .TransitionTo(AgreementClosed)
                .Record(TimelineTexts.JitClosed, c => c.Message.Actor, c => c.Message.At, c => c.Message.Evaluation),
            When(JitAgreementClosed)
                .Publish(c => new StopClock(JitClockId(c.Saga), c.Message.At))
                .TransitionTo(AgreementClosed)
                .Record(TimelineTexts.JitClosed, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Evaluation));

        During([AgreementAwaitingSignatures, AgreementSignedHere, AgreementSignedThere, AgreementInForce, ExtensionProposedHere, ExtensionProposedThere],
            When(RequestWithdrawn)
                .ThenAsync(async c =>
                {
                    if (c.Saga.CurrentState == AgreementInForce.Name || c.Saga.CurrentState == ExtensionProposedHere.Name
                        || c.Saga.CurrentState == ExtensionProposedThere.Name)
                        await c.Publish(new CancelClock(JitClockId(c.Saga), "Withdrawn by the requesting country", c.Message.At));
                })
                .TransitionTo(Withdrawn)
                .Record(TimelineTexts.WithdrawnByRequester, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Reason));

        // The agreement runs where execution would: an accepted JIT proposal is never executed.
        _order.SameRankAs(InExecution, AgreementAwaitingSignatures, AgreementSignedHere, AgreementSignedThere, AgreementInForce)
            .SameRankAs(Closed, AgreementDeclined, AgreementClosed)
            .Event(SignJitAgreement, AgreementInForce).Event(JitAgreementSigned, AgreementInForce)
            .Event(DeclineJitAgreement, AgreementDeclined).Event(JitAgreementDeclined, AgreementDeclined)
            .Event(CloseJitAgreement, AgreementClosed).Event(JitAgreementClosed, AgreementClosed)
            // Both leaders may close at once: the other party's closure and evaluation still reach the timeline.
            .RecordWhenLate<IncomingCaseState, JitAgreementClosed>(JitAgreementClosed, (_, m) => new(TimelineTexts.JitClosed.Format(),
                $"{m.Actor} ({m.Node})", m.At, m.Evaluation));
    }

    /// <summary>Starts the period clock on the agreement's end date (no clock when the proposal carries none).</summary>
    static async Task EnterIntoForce<T>(BehaviorContext<IncomingCaseState, T> c, WorkflowNode node, Instant at)
        where T : class
    {
        var s = c.Saga;
        if (await c.Reads().IncomingContentAsync(s.CorrelationId, c.CancellationToken) is { Jit.EndsOn: { } endsOn })
        {
            await c.Publish(new StartClock(ClockIds.For(s.CorrelationId, ClockKind.JitPeriod), s.CorrelationId, s.CorrelationId, ClockKind.JitPeriod,
                s.LegalBasis, s.Urgent, node.Code, s.Reference, null, at, LastDay: endsOn));
        }
    }

    static void DiscardWhenMissing<T>(IEventCorrelationConfigurator<IncomingCaseState, T> e, Func<ConsumeContext<T>, Guid> id)
        where T : class
    {
        e.CorrelateById(id);
        e.OnMissingInstance(m => m.Discard());
    }

    /// <summary>Accepted JIT proposal: neither party has signed the agreement yet.</summary>
    public State AgreementAwaitingSignatures { get; private set; } = null!;

    /// <summary>This country signed; the requesting country's signature is awaited.</summary>
    public State AgreementSignedHere { get; private set; } = null!;

    /// <summary>The requesting country signed; this country's signature is awaited.</summary>
    public State AgreementSignedThere { get; private set; } = null!;

    /// <summary>Both parties signed: the team works until the agreement's end date.</summary>
    public State AgreementInForce { get; private set; } = null!;

    /// <summary>A party declined to sign (final).</summary>
    public State AgreementDeclined { get; private set; } = null!;

    /// <summary>Closed by a party's team leader, with an evaluation (final).</summary>
    public State AgreementClosed { get; private set; } = null!;

    /// <summary>This country signs the agreement.</summary>
    public Event<SignJitAgreement> SignJitAgreement { get; private set; } = null!;

    /// <summary>This country declines the agreement.</summary>
    public Event<DeclineJitAgreement> DeclineJitAgreement { get; private set; } = null!;

    /// <summary>This country's team leader closes the agreement.</summary>
    public Event<CloseJitAgreement> CloseJitAgreement { get; private set; } = null!;

    /// <summary>The requesting country signed.</summary>
    public Event<JitAgreementSigned> JitAgreementSigned { get; private set; } = null!;

    /// <summary>The requesting country declined.</summary>
    public Event<JitAgreementDeclined> JitAgreementDeclined { get; private set; } = null!;

    /// <summary>The requesting country's team leader closed the agreement.</summary>
    public Event<JitAgreementClosed> JitAgreementClosed { get; private set; } = null!;
}
