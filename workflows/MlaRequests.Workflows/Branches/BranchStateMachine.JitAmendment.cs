using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// The amendment of a JIT agreement in force (UNTOC Art. 19: the team is what the parties agree, so a change of its members, leaders,
/// purpose or arrangements is agreed by both): <c>AgreementInForce → AmendmentProposedHere | AmendmentProposedThere → AgreementInForce</c>.
/// Either party proposes the amended agreement with reasons; the other signs it (the next version is in force on both nodes) or declines it
/// (the version in force stays). The versions are rows of <see cref="JitAgreementVersion"/>. Two proposals that cross (two amendments, or an
/// amendment and an extension) lapse both, on both nodes alike. Closure and withdrawal stay possible; the open proposal lapses.
/// </summary>
public sealed partial class BranchStateMachine
{
    void DuringJitAmendment(WorkflowNode node)
    {
        Event(() => ProposeAmendmentWithTarget, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => SignAmendmentWithTarget, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => DeclineAmendmentWithTarget, e => e.FaultWhenMissing(m => m.Message.BranchId));
        Event(() => JitAmendmentProposed, e => DiscardWhenMissing(e, m => m.Message.BranchId));
        Event(() => JitAmendmentSigned, e => DiscardWhenMissing(e, m => m.Message.BranchId));
        Event(() => JitAmendmentDeclined, e => DiscardWhenMissing(e, m => m.Message.BranchId));

        During(AgreementInForce,
            When(ProposeAmendmentWithTarget)
                .ThenAsync(async c =>
                {
                    var m = c.Message;
                    await VersionInForceAsync(c);
                    JitVersions.Add(c.Db(), c.Saga.CorrelationId, m.AmendmentId, m.Number, m.AgreementJson, m.Reasons, m.Actor, m.At, JitVersionStates.Proposed);
                })
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode), c => new JitAmendmentProposed(c.Saga.CorrelationId, node.Code,
                    c.Message.AmendmentId, c.Message.Number, c.Message.AgreementJson, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .TransitionTo(AmendmentProposedHere)
                .Record(TimelineTexts.JitAmendmentProposed, c => c.Message.Actor, c => c.Message.At,
                    c => TimelineTexts.JitAmendmentProposedDetails.Format(c.Message.Number, c.Message.Reasons)),
            When(JitAmendmentProposed)
                .ThenAsync(async c =>
                {
                    var m = c.Message;
                    await VersionInForceAsync(c);
                    JitVersions.Add(c.Db(), c.Saga.CorrelationId, m.AmendmentId, m.Number, m.AgreementJson, m.Reasons, Remote(m.Node, m.Actor), m.At,
                        JitVersionStates.Proposed);
                })
                .TransitionTo(AmendmentProposedThere)
                .Record(TimelineTexts.JitAmendmentProposed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At,
                    c => TimelineTexts.JitAmendmentProposedDetails.Format(c.Message.Number, c.Message.Reasons)));

        During(AmendmentProposedThere,
            When(SignAmendmentWithTarget)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                    c => new JitAmendmentSigned(c.Saga.CorrelationId, node.Code, c.Message.AmendmentId, c.Message.Actor, c.Message.At))
                .ThenAsync(c => JitVersions.SignAsync(c.Db(), c.Saga.CorrelationId, c.Message.AmendmentId, c.Message.Actor, c.Message.At, c.CancellationToken))
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitAmendmentSigned, c => c.Message.Actor, c => c.Message.At,
                    c => TimelineTexts.JitAmendmentSignedDetails.Format(JitVersions.Tracked(c.Db(), c.Message.AmendmentId))),
            When(DeclineAmendmentWithTarget)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                    c => new JitAmendmentDeclined(c.Saga.CorrelationId, node.Code, c.Message.AmendmentId, c.Message.Reasons, c.Message.Actor, c.Message.At))
                .ThenAsync(c => JitVersions.EndAsync(c.Db(), c.Saga.CorrelationId, c.Message.AmendmentId, JitVersionStates.Declined, c.CancellationToken))
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitAmendmentDeclined, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reasons));

        During(AmendmentProposedHere,
            When(JitAmendmentSigned)
                .ThenAsync(c => JitVersions.SignAsync(c.Db(), c.Saga.CorrelationId, c.Message.AmendmentId, Remote(c.Message.Node, c.Message.Actor), c.Message.At,
                    c.CancellationToken))
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitAmendmentSigned, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At,
                    c => TimelineTexts.JitAmendmentSignedDetails.Format(JitVersions.Tracked(c.Db(), c.Message.AmendmentId))),
            When(JitAmendmentDeclined)
                .ThenAsync(c => JitVersions.EndAsync(c.Db(), c.Saga.CorrelationId, c.Message.AmendmentId, JitVersionStates.Declined, c.CancellationToken))
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitAmendmentDeclined, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Reasons),
            // Both proposed an amendment before either saw the other's: both lapse (the requested node does the same with this node's).
            When(JitAmendmentProposed)
                .ThenAsync(async c =>
                {
                    var m = c.Message;
                    await JitVersions.EndAsync(c.Db(), c.Saga.CorrelationId, null, JitVersionStates.Lapsed, c.CancellationToken);
                    JitVersions.Add(c.Db(), c.Saga.CorrelationId, m.AmendmentId, m.Number, m.AgreementJson, m.Reasons, Remote(m.Node, m.Actor), m.At,
                        JitVersionStates.Lapsed);
                })
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitAmendmentsCrossed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At,
                    c => TimelineTexts.JitAmendmentsCrossedDetails.Format(c.Message.Number)),
            // This node's amendment crossed the other party's extension: both lapse (the requested node, in ExtensionProposedHere, does the same).
            When(JitExtensionProposed)
                .ThenAsync(c => JitVersions.EndAsync(c.Db(), c.Saga.CorrelationId, null, JitVersionStates.Lapsed, c.CancellationToken))
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitAmendmentsCrossed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At,
                    c => TimelineTexts.JitAmendmentCrossedExtensionDetails.Format(Day(c.Message.EndsOn))));

        // This node's extension crossed the other party's amendment: both lapse, the amendment kept in the history as lapsed.
        During(ExtensionProposedHere,
            When(JitAmendmentProposed)
                .ThenAsync(async c =>
                {
                    var m = c.Message;
                    await VersionInForceAsync(c);
                    JitVersions.Add(c.Db(), c.Saga.CorrelationId, m.AmendmentId, m.Number, m.AgreementJson, m.Reasons, Remote(m.Node, m.Actor), m.At,
                        JitVersionStates.Lapsed);
                })
                .TransitionTo(AgreementInForce)
                .Record(TimelineTexts.JitAmendmentsCrossed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At,
                    c => TimelineTexts.JitAmendmentCrossedExtensionDetails.Format(Day(c.Saga.ProposedJitEndsOn ?? default)))
                .Then(c => c.Saga.ProposedJitEndsOn = null));

        // Closure and withdrawal stay possible while an amendment is open: it lapses.
        During(AmendmentProposedHere, AmendmentProposedThere,
            When(CloseAgreementWithTarget)
                .ThenAsync(c => JitVersions.EndAsync(c.Db(), c.Saga.CorrelationId, null, JitVersionStates.Lapsed, c.CancellationToken))
                .Publish(c => new StopClock(JitClockId(c.Saga), c.Message.At))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                    c => new JitAgreementClosed(c.Saga.CorrelationId, node.Code, c.Message.Evaluation, c.Message.Actor, c.Message.At))
                .TransitionTo(AgreementClosed)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, AgreementClosed.Name, c.Message.At))
                .Record(TimelineTexts.JitClosed, c => c.Message.Actor, c => c.Message.At, c => c.Message.Evaluation),
            When(JitAgreementClosed)
                .ThenAsync(c => JitVersions.EndAsync(c.Db(), c.Saga.CorrelationId, null, JitVersionStates.Lapsed, c.CancellationToken))
                .Publish(c => new StopClock(JitClockId(c.Saga), c.Message.At))
                .TransitionTo(AgreementClosed)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, AgreementClosed.Name, c.Message.At))
                .Record(TimelineTexts.JitClosed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Evaluation),
            When(WithdrawBranch)
                .ThenAsync(c => JitVersions.EndAsync(c.Db(), c.Saga.CorrelationId, null, JitVersionStates.Lapsed, c.CancellationToken))
                .Publish(c => new CancelClock(JitClockId(c.Saga), "Request withdrawn", c.Message.At))
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                    c => new RequestWithdrawn(c.Saga.CorrelationId, node.Code, c.Message.Reason, c.Message.Actor, c.Message.At))
                .TransitionTo(Withdrawn)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, Withdrawn.Name, c.Message.At))
                .Record(TimelineTexts.Withdrawn, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reason));

        // As the extension's: an answer that overtook the other party's signature is held by the retry; one reaching a closed or withdrawn
        // agreement is late and changes nothing.
        _order.SameRankAs(AgreementInForce, AmendmentProposedHere, AmendmentProposedThere)
            .Event(ProposeAmendmentWithTarget, AmendmentProposedHere).Event(SignAmendmentWithTarget, AgreementInForce).Event(DeclineAmendmentWithTarget, AgreementInForce)
            .Event(JitAmendmentProposed, AgreementClosed).Event(JitAmendmentSigned, AgreementClosed).Event(JitAmendmentDeclined, AgreementClosed);
    }

    /// <summary>The version in force (version 1 derived from the content and stored when this is the agreement's first amendment).</summary>
    static async Task VersionInForceAsync<T>(BehaviorContext<BranchState, T> c)
        where T : class
    {
        var content = await c.Reads().RequestContentAsync(c.Saga.RequestId, c.CancellationToken);
        await JitVersions.InForceAsync(c.Db(), c.Saga.CorrelationId, content.Jit, c.Saga.JitEndsOn, c.CancellationToken);
    }

    /// <summary>This country proposed an amended agreement; the requested country signs or declines it. The agreement stays in force.</summary>
    public State AmendmentProposedHere { get; private set; } = null!;

    /// <summary>The requested country proposed an amended agreement; this country signs or declines it. The agreement stays in force.</summary>
    public State AmendmentProposedThere { get; private set; } = null!;

    /// <summary>This country proposes an amended agreement to the requested country.</summary>
    public Event<ProposeAmendmentWithTarget> ProposeAmendmentWithTarget { get; private set; } = null!;

    /// <summary>This country signs the requested country's amendment.</summary>
    public Event<SignAmendmentWithTarget> SignAmendmentWithTarget { get; private set; } = null!;

    /// <summary>This country declines the requested country's amendment.</summary>
    public Event<DeclineAmendmentWithTarget> DeclineAmendmentWithTarget { get; private set; } = null!;

    /// <summary>The requested country proposed an amended agreement.</summary>
    public Event<JitAmendmentProposed> JitAmendmentProposed { get; private set; } = null!;

    /// <summary>The requested country signed this country's amendment.</summary>
    public Event<JitAmendmentSigned> JitAmendmentSigned { get; private set; } = null!;

    /// <summary>The requested country declined this country's amendment.</summary>
    public Event<JitAmendmentDeclined> JitAmendmentDeclined { get; private set; } = null!;
}
