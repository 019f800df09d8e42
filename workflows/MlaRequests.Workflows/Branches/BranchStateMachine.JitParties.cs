using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>
/// A multilateral JIT agreement on the requesting node (issue 14: "it is in force when every party has signed"). The border is
/// bilateral per branch, so each branch still collects its two signatures (this country's and its requested country's); when both are
/// given the branch waits in <c>AgreementAwaitingParties</c> until every other branch of the request has its two signatures too (or has
/// left the agreement: declined, refused, withdrawn from), and then every branch enters into force together. This node relays each
/// requested country's signature, once its pair is complete, to every other requested country (<see cref="JitSignatureRelayed"/>), and
/// tells them when a party leaves (<see cref="JitPartyLeft"/>), so each requested node applies the same rule to its case. With one
/// requested country nothing waits: the branch enters into force when the two have signed, as before.
/// </summary>
public sealed partial class BranchStateMachine
{
    /// <summary>States in which a branch's party has not yet given both signatures (still a party, not signed).</summary>
    static readonly string[] JitUnsignedStates =
    [
        "Transmitted", "Acknowledged", "UnderRecognition", "AdditionalInformationRequested", "InConsultation", "Postponed",
        "AgreementAwaitingSignatures", "AgreementSignedHere", "AgreementSignedThere",
    ];

    /// <summary>How a branch ends when its country leaves the agreement before it is in force.</summary>
    static readonly string[] JitLeavingOutcomes = ["AgreementDeclined", "Refused", "Withdrawn"];

    void DuringJitParties(WorkflowNode node)
    {
        Event(() => JitPartiesChanged, e =>
        {
            e.CorrelateBy((s, m) => s.RequestId == m.Message.RequestId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => BranchFinished, e =>
        {
            e.CorrelateBy((s, m) => s.RequestId == m.Message.RequestId);
            e.OnMissingInstance(m => m.Discard());
        });

        // Every signature is kept in the table as it is given or arrives (the pair-completing ones by WhenBothSigned).
        During(AgreementAwaitingSignatures,
            When(SignAgreementWithTarget)
                .ThenAsync(c => JitSignatureRows.SignAsync(c.Db(), c.Saga.CorrelationId, node.Code, c.Message.Actor, c.Message.At, null, c.CancellationToken)),
            When(JitAgreementSigned)
                .ThenAsync(c => JitSignatureRows.SignAsync(c.Db(), c.Saga.CorrelationId, c.Saga.TargetNode, c.Message.Actor, c.Message.At, null,
                    c.CancellationToken)));

        During(AgreementAwaitingParties,
            When(JitPartiesChanged)
                .IfAsync(c => EveryPartySignedAsync(c), inForce => InForceWithEveryParty(inForce, node, c => c.Message.At)),
            // A peer on release 3 knows nothing of the other parties: its case entered into force with the two signatures, and its leader
            // may close it before this node's rule is met. The closure is taken, so nothing waits for ever.
            When(JitAgreementClosed)
                .TransitionTo(AgreementClosed)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, AgreementClosed.Name, c.Message.At))
                .Record(TimelineTexts.JitClosed, c => Remote(c.Message.Node, c.Message.Actor), c => c.Message.At, c => c.Message.Evaluation),
            When(WithdrawBranch)
                .Send(c => WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                    c => new RequestWithdrawn(c.Saga.CorrelationId, node.Code, c.Message.Reason, c.Message.Actor, c.Message.At))
                .TransitionTo(Withdrawn)
                .Publish(c => new BranchFinished(c.Saga.RequestId, c.Saga.CorrelationId, Withdrawn.Name, c.Message.At))
                .Record(TimelineTexts.Withdrawn, c => c.Message.Actor, c => c.Message.At, c => c.Message.Reason));

        // Another branch of the request ended before the agreement was in force: its country is no longer a party. This branch's
        // country is told, and a branch waiting only for that country enters into force.
        During([.. JitUnsignedStates.Select(StateOf), AgreementAwaitingParties],
            When(BranchFinished)
                .IfAsync(c => LeftPartyAsync(c), left => left
                    .ThenAsync(async c =>
                    {
                        var party = await c.Db().Set<BranchState>().AsNoTracking().Where(b => b.CorrelationId == c.Message.BranchId)
                            .Select(b => b.TargetNode).SingleOrDefaultAsync(c.CancellationToken);
                        if (party is not null)
                            await c.Send(WorkflowNode.InboundAddressOf(c.Saga.TargetNode),
                            new JitPartyLeft(c.Saga.CorrelationId, node.Code, party, c.Message.Outcome, c.Message.At));
                    })));
        During(AgreementAwaitingParties,
            When(BranchFinished)
                .IfAsync(async c => await LeftPartyAsync(c) && await EveryPartySignedAsync(c), inForce => InForceWithEveryParty(inForce, node, c => c.Message.At)));

        // Both events reach every branch of the request and are steps of none: wherever they are not taken they change nothing.
        _order.SameRankAs(InExecution, AgreementAwaitingParties)
            .Event(JitPartiesChanged, Transmitted).Event(BranchFinished, Transmitted);
    }

    State StateOf(string name) => GetState(name);

    /// <summary>
    /// This branch's second signature was just given (<paramref name="party"/> signed as <paramref name="actor"/> at <paramref name="at"/>):
    /// it is kept, the requested country's signature is relayed to the other requested countries, and the branch enters into force when
    /// every party of the agreement has signed, else waits for the others.
    /// </summary>
    EventActivityBinder<BranchState, T> WhenBothSigned<T>(EventActivityBinder<BranchState, T> binder, WorkflowNode node,
        Func<BehaviorContext<BranchState, T>, string> party, Func<BehaviorContext<BranchState, T>, string> actor, Func<BehaviorContext<BranchState, T>, Instant> at)
        where T : class =>
        binder
            .ThenAsync(c => JitSignatureRows.SignAsync(c.Db(), c.Saga.CorrelationId, party(c), actor(c), at(c), null, c.CancellationToken))
            .ThenAsync(c => RelayTheirSignatureAsync(c, node, at(c)))
            .IfElseAsync(c => EveryPartySignedAsync(c),
                inForce => InForceWithEveryParty(inForce, node, at),
                waiting => waiting
                    .TransitionTo(AgreementAwaitingParties)
                    .RecordAsync(TimelineTexts.JitAwaitingParties, _ => "system", at,
                        async c => (string?)TimelineTexts.JitAwaitingPartiesDetails.Format(string.Join(", ", (await SiblingsAsync(c))
                            .Where(b => JitUnsignedStates.Contains(b.CurrentState)).Select(b => b.TargetNode).Order(StringComparer.Ordinal)))));

    /// <summary>Every party has signed: the period clock starts, the branch is in force, and the other branches waiting are told.</summary>
    EventActivityBinder<BranchState, T> InForceWithEveryParty<T>(EventActivityBinder<BranchState, T> binder, WorkflowNode node,
        Func<BehaviorContext<BranchState, T>, Instant> at)
        where T : class =>
        binder
            .ThenAsync(c => EnterIntoForce(c, node, at(c)))
            .TransitionTo(AgreementInForce)
            .RecordAsync(TimelineTexts.JitInForce, _ => "system", at, async c =>
            {
                var others = (await SiblingsAsync(c)).Where(b => !JitUnsignedStates.Contains(b.CurrentState) && !JitLeavingOutcomes.Contains(b.CurrentState)
                    && b.CurrentState is not ("InExecution" or "PartiallyExecuted" or "Executed" or "EvidenceTransferred" or "Completed" or "ExecutionPostponed"))
                    .Select(b => b.TargetNode);
                return (string?)TimelineTexts.JitInForceDetails.Format(string.Join(", ", [node.Code, .. others.Append(c.Saga.TargetNode).Order(StringComparer.Ordinal)]));
            })
            .ThenAsync(async c =>
            {
                if ((await SiblingsAsync(c)).Any(b => b.CurrentState == AgreementAwaitingParties.Name))
                    await c.Publish(new JitPartiesChanged(c.Saga.RequestId, c.Saga.CorrelationId, at(c)));
            });

    /// <summary>The requested country of this branch signed and so did this country: every other requested country still a party is told.</summary>
    static async Task RelayTheirSignatureAsync<T>(BehaviorContext<BranchState, T> c, WorkflowNode node, Instant at)
        where T : class
    {
        var theirs = await JitSignatureRows.FindOrAddAsync(c.Db(), c.Saga.CorrelationId, c.Saga.TargetNode, c.CancellationToken);
        foreach (var other in (await SiblingsAsync(c)).Where(b => JitUnsignedStates.Contains(b.CurrentState) || b.CurrentState == "AgreementAwaitingParties"))
        {
            await c.Send(WorkflowNode.InboundAddressOf(other.TargetNode), new JitSignatureRelayed(other.CorrelationId, node.Code, c.Saga.TargetNode,
                theirs.Actor ?? c.Saga.TargetNode, theirs.SignedAt ?? at));
        }
    }

    /// <summary>True when no other branch of the request still awaits a signature (the others signed both, or their country left).</summary>
    static async Task<bool> EveryPartySignedAsync<T>(BehaviorContext<BranchState, T> c)
        where T : class => !(await SiblingsAsync(c)).Any(b => JitUnsignedStates.Contains(b.CurrentState));

    /// <summary>True when the finished branch is another branch of this JIT request whose country left the agreement before it was in force.</summary>
    static Task<bool> LeftPartyAsync(BehaviorContext<BranchState, BranchFinished> c) =>
        Task.FromResult(c.Saga.Kind == RequestKind.JointInvestigationTeam && c.Message.BranchId != c.Saga.CorrelationId
            && JitLeavingOutcomes.Contains(c.Message.Outcome));

    /// <summary>The request's other branches, as stored.</summary>
    static async Task<IReadOnlyList<Sibling>> SiblingsAsync<T>(BehaviorContext<BranchState, T> c)
        where T : class =>
        await c.Db().Set<BranchState>().AsNoTracking().Where(b => b.RequestId == c.Saga.RequestId && b.CorrelationId != c.Saga.CorrelationId)
            .Select(b => new Sibling(b.CorrelationId, b.TargetNode, b.CurrentState)).ToListAsync(c.CancellationToken);

    sealed record Sibling(Guid CorrelationId, string TargetNode, string CurrentState);

    /// <summary>
    /// This country and the requested country have signed; other parties of the multilateral agreement have not yet (they sign with
    /// this country on their own branches). In force when they have.
    /// </summary>
    public State AgreementAwaitingParties { get; private set; } = null!;

    /// <summary>Another branch of a multilateral agreement entered into force: every party has signed.</summary>
    public Event<JitPartiesChanged> JitPartiesChanged { get; private set; } = null!;

    /// <summary>A branch of the request reached a final status (this branch's own finish, or another country's).</summary>
    public Event<BranchFinished> BranchFinished { get; private set; } = null!;
}
