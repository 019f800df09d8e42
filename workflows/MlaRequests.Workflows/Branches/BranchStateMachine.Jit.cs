using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// A joint investigation team proposal on the requesting side, per requested country (UNTOC Art. 19): once that country
/// accepted the proposal the branch holds the agreement between the two, not a request to execute, so no execution clock
/// runs. <c>AgreementAwaitingSignatures → AgreementSignedHere | AgreementSignedThere → AgreementInForce → AgreementClosed</c>,
/// or <c>AgreementDeclined</c>. This node signs for its own country; the requested country's signature arrives as a message.
/// A party that declines ends the agreement with that country only: the other countries' branches go on, and the request
/// completes when every branch is final. In force, the period clock runs to the agreement's end date.
/// </summary>
public sealed partial class BranchStateMachine
{
    void DuringJitAgreement(WorkflowNode node)
    {
        Event(() => SignAgreementWithTarget, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => DeclineAgreementWithTarget, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => CloseAgreementWithTarget, e => e.FaultWhenMissing(m => m.Message.BranchId));
        // These contracts reach both the branch and the incoming-case workflow of a node: each keeps the ones for its own instances.
        Event(() => JitAgreementSigned, e => DiscardWhenMissing(e, m => m.Message.BranchId));
        Event(() => JitAgreementDeclined, e => DiscardWhenMissing(e, m => m.Message.BranchId));
        Event(() => JitAgreementClosed, e => DiscardWhenMissing(e, m => m.Message.BranchId));

        During(AgreementAwaitingSignatures, AgreementSignedThere,
            When(DeclineAgreementWithTarget)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                    c => new JitAgreementDeclined(c.Saga.CorrelationId, node.Code, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .TransitionTo(AgreementDeclined)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, AgreementDeclined.Name, c.Message.At))
                .Record(TimelineTexts.JitDeclined, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons));

        During(AgreementAwaitingSignatures,
            When(SignAgreementWithTarget)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode), c => new JitAgreementSigned(c.Saga.CorrelationId, node.Code, c.Message.Actor, c.Message.At))
                .TransitionTo(AgreementSignedHere)
                .Record(TimelineTexts.JitSigned, c => c.Message.Actor, c => c.Message.At),
            When(JitAgreementSigned)
                .TransitionTo(AgreementSignedThere)
                .Record(TimelineTexts.JitSigned, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At));

        // Both signed: in force when every party of the agreement has (BranchStateMachine.JitParties.cs), else waiting for the others.
        During(AgreementSignedThere,
            WhenBothSigned(When(SignAgreementWithTarget)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode), c => new JitAgreementSigned(c.Saga.CorrelationId, node.Code, c.Message.Actor, c.Message.At))
                .Record(TimelineTexts.JitSigned, c => c.Message.Actor, c => c.Message.At), node, _ => node.Code, c => c.Message.Actor, c => c.Message.At));

        During(AgreementSignedHere,
            WhenBothSigned(When(JitAgreementSigned)
                .Record(TimelineTexts.JitSigned, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At), node, c => c.Saga.TargetNode,
                c => c.Message.Actor, c => c.Message.At));

        During(AgreementAwaitingSignatures, AgreementSignedHere, AgreementSignedThere,
            When(JitAgreementDeclined)
                .TransitionTo(AgreementDeclined)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, AgreementDeclined.Name, c.Message.At))
                .Record(TimelineTexts.JitDeclined, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Reasons));

        During(AgreementInForce, ExtensionProposedHere, ExtensionProposedThere,
            When(CloseAgreementWithTarget)
                .Publish(c => new StopClock(JitClockId(c.Saga), c.Message.At))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                    c => new JitAgreementClosed(c.Saga.CorrelationId, node.Code, c.Message.Evaluation, c.Message.Actor, c.Message.At))
                .TransitionTo(AgreementClosed)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, AgreementClosed.Name, c.Message.At))
                .Record(TimelineTexts.JitClosed, c => c.Message.Actor, c => c.Message.At, c => c.Message.Evaluation),
            When(JitAgreementClosed)
                .Publish(c => new StopClock(JitClockId(c.Saga), c.Message.At))
                .TransitionTo(AgreementClosed)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, AgreementClosed.Name, c.Message.At))
                .Record(TimelineTexts.JitClosed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Evaluation));

        During([AgreementAwaitingSignatures, AgreementSignedHere, AgreementSignedThere, AgreementInForce, ExtensionProposedHere, ExtensionProposedThere],
            When(WithdrawBranch)
                .ThenAsync(async c =>
                {
                    if (c.Saga.CurrentState == AgreementInForce.Name || c.Saga.CurrentState == ExtensionProposedHere.Name
                        || c.Saga.CurrentState == ExtensionProposedThere.Name)
                        await c.Publish(new CancelClock(JitClockId(c.Saga), "Request withdrawn", c.Message.At));
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                    c => new RequestWithdrawn(c.Saga.CorrelationId, node.Code, c.Message.Reason, c.Message.Actor, c.Message.At))
                .TransitionTo(Withdrawn)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, Withdrawn.Name, c.Message.At))
                .Record(TimelineTexts.Withdrawn, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reason));

        // The agreement runs where execution would: an accepted JIT proposal is never executed.
        _order.SameRankAs(InExecution, AgreementAwaitingSignatures, AgreementSignedHere, AgreementSignedThere, AgreementInForce)
            .SameRankAs(Completed, AgreementDeclined, AgreementClosed)
            .Event(SignAgreementWithTarget, AgreementInForce).Event(JitAgreementSigned, AgreementInForce)
            .Event(DeclineAgreementWithTarget, AgreementDeclined).Event(JitAgreementDeclined, AgreementDeclined)
            .Event(CloseAgreementWithTarget, AgreementClosed).Event(JitAgreementClosed, AgreementClosed)
            // Both leaders may close at once: the other party's closure and evaluation still reach the timeline.
            .RecordWhenLate<BranchState, JitAgreementClosed>(JitAgreementClosed, (_, m) => new(TimelineTexts.JitClosed.Format(), Remote(m.Node, m.Actor), m.At,
                m.Evaluation));
    }

    /// <summary>Starts the period clock on the agreement's end date (no clock when the proposal carries none).</summary>
    static async Task EnterIntoForce<T>(BehaviorContext<BranchState, T> c, WorkflowNode node, Instant at)
        where T : class
    {
        var s = c.Saga;
        var content = await c.Reads().RequestContentAsync(s.RequestId, c.CancellationToken);
        if (content.Jit?.EndsOn is { } endsOn)
        {
            await c.Publish(new StartClock(ClockIds.For(s.CorrelationId, ClockKind.JitPeriod), s.RequestId, s.CorrelationId, ClockKind.JitPeriod,
                s.LegalBasis, s.Urgent, node.Code, s.Reference, s.OfficeCode, at, LastDay: endsOn));
        }
    }

    static void DiscardWhenMissing<T>(IEventCorrelationConfigurator<BranchState, T> e, Func<ConsumeContext<T>, Guid> id)
        where T : class
    {
        e.CorrelateById(id);
        e.OnMissingInstance(m => m.Discard());
    }

    /// <summary>The requested country accepted the JIT proposal: neither party has signed the agreement yet.</summary>
    public State AgreementAwaitingSignatures { get; private set; } = null!;

    /// <summary>This country signed; the requested country's signature is awaited.</summary>
    public State AgreementSignedHere { get; private set; } = null!;

    /// <summary>The requested country signed; this country's signature is awaited.</summary>
    public State AgreementSignedThere { get; private set; } = null!;

    /// <summary>Both parties signed: the team works until the agreement's end date.</summary>
    public State AgreementInForce { get; private set; } = null!;

    /// <summary>A party declined to sign (final for this country).</summary>
    public State AgreementDeclined { get; private set; } = null!;

    /// <summary>Closed by a party's team leader, with an evaluation (final).</summary>
    public State AgreementClosed { get; private set; } = null!;

    /// <summary>This country signs the agreement with the requested country.</summary>
    public Event<SignAgreementWithTarget> SignAgreementWithTarget { get; private set; } = null!;

    /// <summary>This country declines the agreement with the requested country.</summary>
    public Event<DeclineAgreementWithTarget> DeclineAgreementWithTarget { get; private set; } = null!;

    /// <summary>This country's team leader closes the agreement.</summary>
    public Event<CloseAgreementWithTarget> CloseAgreementWithTarget { get; private set; } = null!;

    /// <summary>The requested country signed.</summary>
    public Event<JitAgreementSigned> JitAgreementSigned { get; private set; } = null!;

    /// <summary>The requested country declined.</summary>
    public Event<JitAgreementDeclined> JitAgreementDeclined { get; private set; } = null!;

    /// <summary>The requested country's team leader closed the agreement.</summary>
    public Event<JitAgreementClosed> JitAgreementClosed { get; private set; } = null!;
}
