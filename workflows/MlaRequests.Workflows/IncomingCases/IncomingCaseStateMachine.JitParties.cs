using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>
/// A multilateral JIT agreement on a requested node (issue 14: "it is in force when every party has signed"). The case still collects
/// its two signatures (this country's and the requesting country's); the other requested countries' signatures reach it only through
/// the requesting country, which relays each one (<see cref="JitSignatureRelayed"/>) and tells it when a party leaves
/// (<see cref="JitPartyLeft"/>). The parties are the countries the agreement's members belong to; the case enters into force when its
/// own, the requesting country's and every other remaining party's signature are present, else it waits in
/// <c>AgreementAwaitingParties</c>. A relay may arrive in any status (even before this country accepted): it is kept in the table
/// and on the timeline. With two parties nothing waits, as before.
/// </summary>
public sealed partial class IncomingCaseStateMachine
{
    void DuringJitParties(WorkflowNode node)
    {
        Event(() => JitSignatureRelayed, e => DiscardWhenMissing(e, m => m.Message.BranchId));
        Event(() => JitPartyLeft, e => DiscardWhenMissing(e, m => m.Message.BranchId));

        // Every signature is kept in the table as it is given or arrives (the pair-completing ones by WhenBothSigned).
        During(AgreementAwaitingSignatures,
            When(SignJitAgreement)
                .ThenAsync(c => JitSignatureRows.SignAsync(c.Db(), c.Saga.CorrelationId, node.Code, c.Message.Actor, c.Message.At, null, c.CancellationToken)),
            When(JitAgreementSigned)
                .ThenAsync(c => JitSignatureRows.SignAsync(c.Db(), c.Saga.CorrelationId, c.Saga.RequestingNode, c.Message.Actor, c.Message.At, null,
                    c.CancellationToken)));

        DuringAny(
            When(JitSignatureRelayed)
                .IfAsync(async c => await RelayTakenAsync(c, node)
                        && await JitSignatureRows.SignAsync(c.Db(), c.Saga.CorrelationId, c.Message.Party, c.Message.Actor, c.Message.SignedAt, c.Message.Node,
                            c.CancellationToken),
                    signed => signed.Record(TimelineTexts.JitSignedRelayed, c => $"{c.Message.Actor} ({c.Message.Party})", c => c.Message.SignedAt,
                        c => TimelineTexts.JitSignedRelayedDetails.Format(c.Message.Party, c.Message.Node))),
            When(JitPartyLeft)
                .IfAsync(async c => await RelayTakenAsync(c, node)
                        && await JitSignatureRows.LeaveAsync(c.Db(), c.Saga.CorrelationId, c.Message.Party, c.Message.Outcome, c.Message.At, c.CancellationToken),
                    left => left.Record(TimelineTexts.JitPartyLeft, c => c.Message.Node, c => c.Message.At,
                        c => TimelineTexts.JitPartyLeftDetails.Format(c.Message.Party, c.Message.Outcome, c.Message.Node))));

        During(AgreementAwaitingParties,
            When(JitSignatureRelayed)
                .IfAsync(c => EveryPartySignedAsync(c, node), inForce => InForceWithEveryParty(inForce, node, c => c.Message.SignedAt)),
            When(JitPartyLeft)
                .IfAsync(c => EveryPartySignedAsync(c, node), inForce => InForceWithEveryParty(inForce, node, c => c.Message.At)),
            When(RequestWithdrawn)
                .TransitionTo(Withdrawn)
                .Record(TimelineTexts.WithdrawnByRequester, c => $"{c.Message.Actor} ({c.Message.Node})", c => c.Message.At, c => c.Message.Reason));

        _order.SameRankAs(InExecution, AgreementAwaitingParties)
            .Event(JitSignatureRelayed, Received).Event(JitPartyLeft, Received);
    }

    /// <summary>
    /// This case's second signature was just given (<paramref name="party"/> signed as <paramref name="actor"/> at <paramref name="at"/>):
    /// it is kept, and the case enters into force when every party of the agreement has signed, else waits for the others.
    /// </summary>
    EventActivityBinder<IncomingCaseState, T> WhenBothSigned<T>(EventActivityBinder<IncomingCaseState, T> binder, WorkflowNode node,
        Func<BehaviorContext<IncomingCaseState, T>, string> party, Func<BehaviorContext<IncomingCaseState, T>, string> actor,
        Func<BehaviorContext<IncomingCaseState, T>, Instant> at)
        where T : class =>
        binder
            .ThenAsync(c => JitSignatureRows.SignAsync(c.Db(), c.Saga.CorrelationId, party(c), actor(c), at(c), null, c.CancellationToken))
            .IfElseAsync(c => EveryPartySignedAsync(c, node),
                inForce => InForceWithEveryParty(inForce, node, at),
                waiting => waiting
                    .TransitionTo(AgreementAwaitingParties)
                    .RecordAsync(TimelineTexts.JitAwaitingParties, _ => "system", at,
                        async c => (string?)TimelineTexts.JitAwaitingPartiesDetails.Format(string.Join(", ", await AwaitedAsync(c, node)))));

    /// <summary>Every party has signed: the period clock starts and the case is in force.</summary>
    EventActivityBinder<IncomingCaseState, T> InForceWithEveryParty<T>(EventActivityBinder<IncomingCaseState, T> binder, WorkflowNode node,
        Func<BehaviorContext<IncomingCaseState, T>, Instant> at)
        where T : class =>
        binder
            .ThenAsync(c => EnterIntoForce(c, node, at(c)))
            .TransitionTo(AgreementInForce)
            .RecordAsync(TimelineTexts.JitInForce, _ => "system", at, async c =>
            {
                var content = await c.Reads().IncomingContentAsync(c.Saga.CorrelationId, c.CancellationToken);
                var rows = await JitSignatureRows.OfAsync(c.Db(), c.Saga.CorrelationId, c.CancellationToken);
                var others = JitPartiesRules.Parties(content?.Jit).Where(p => p != c.Saga.RequestingNode && p != node.Code)
                    .Where(p => !rows.Any(r => r.Party == p && r.LeftAt is not null));
                return (string?)TimelineTexts.JitInForceDetails.Format(string.Join(", ", [c.Saga.RequestingNode, node.Code, .. others]));
            });

    /// <summary>The other parties whose signature this case still awaits (besides its own and the requesting country's).</summary>
    static async Task<IReadOnlyList<string>> AwaitedAsync<T>(BehaviorContext<IncomingCaseState, T> c, WorkflowNode node)
        where T : class
    {
        var content = await c.Reads().IncomingContentAsync(c.Saga.CorrelationId, c.CancellationToken);
        return JitPartiesRules.Awaited(content?.Jit, node.Code, c.Saga.RequestingNode, await JitSignatureRows.OfAsync(c.Db(), c.Saga.CorrelationId, c.CancellationToken));
    }

    static async Task<bool> EveryPartySignedAsync<T>(BehaviorContext<IncomingCaseState, T> c, WorkflowNode node)
        where T : class => (await AwaitedAsync(c, node)).Count == 0;

    /// <summary>A relay is taken only for another party of the agreement (the border refuses the others; this is the same rule, kept here too).</summary>
    static async Task<bool> RelayTakenAsync<T>(BehaviorContext<IncomingCaseState, T> c, WorkflowNode node)
        where T : class
    {
        var party = c.Message switch
        {
            JitSignatureRelayed relayed => relayed.Party,
            JitPartyLeft left => left.Party,
            _ => null,
        };
        var content = await c.Reads().IncomingContentAsync(c.Saga.CorrelationId, c.CancellationToken);
        return JitPartiesRules.RelayProblem(content?.Jit, node.Code, c.Saga.RequestingNode, party) is null;
    }

    /// <summary>This country and the requesting country have signed; other parties of the multilateral agreement have not yet.</summary>
    public State AgreementAwaitingParties { get; private set; } = null!;

    /// <summary>The requesting country relayed another party's signature.</summary>
    public Event<JitSignatureRelayed> JitSignatureRelayed { get; private set; } = null!;

    /// <summary>The requesting country told that another party left the agreement.</summary>
    public Event<JitPartyLeft> JitPartyLeft { get; private set; } = null!;
}
