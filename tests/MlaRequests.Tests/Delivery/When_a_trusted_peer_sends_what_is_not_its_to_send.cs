using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Delivery;
using MlaRequests.Tests.Api;
using MlaRequests.Tests.Infrastructure;
using NodaTime;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// KZ's border against peers it trusts (every envelope here is correctly signed): a peer may send a contract only in
/// its own role in the case KZ stores. KZ's request to KG may be stepped only by KG; KG's request to KZ may be withdrawn,
/// answered and confirmed only by KG; nobody opens a case for another country. Anything else is quarantined with the
/// reason and never applied; the right signer is still let through.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_trusted_peer_sends_what_is_not_its_to_send(ApiNode api) : IClassFixture<ApiNode>
{
    /// <summary>Every step the requested country takes on KZ's branch, as it would report it.</summary>
    public static TheoryData<string> RequestedCountrySteps => [.. RequestedStep.Keys];

    /// <summary>Every step the requesting country takes on a case KZ received.</summary>
    public static TheoryData<string> RequestingCountrySteps => [.. RequestingStep.Keys];

    static readonly Dictionary<string, Func<Guid, string, Instant, object>> RequestedStep = new()
    {
        [nameof(IncomingRequestRegistered)] = (b, n, at) => new IncomingRequestRegistered(b, n, "x.liaison", at),
        [nameof(IncomingRequestAssigned)] = (b, n, at) => new IncomingRequestAssigned(b, n, "x.liaison", at),
        [nameof(IncomingRequestAccepted)] = (b, n, at) => new IncomingRequestAccepted(b, n, null, "x.liaison", at),
        [nameof(IncomingRequestRefused)] = (b, n, at) => new IncomingRequestRefused(b, n, ["DUAL_CRIMINALITY"], "Not an offence here.", "x.liaison", at),
        [nameof(IncomingRequestPostponed)] = (b, n, at) => new IncomingRequestPostponed(b, n, "Own investigation.", new LocalDate(2026, 7, 1), "x.liaison", at),
        [nameof(AdditionalInformationRequested)] = (b, n, at) => new AdditionalInformationRequested(b, n, "Which bank?", "x.liaison", at),
        [nameof(RecognitionPeriodExtended)] = (b, n, at) => new RecognitionPeriodExtended(b, n, Period.FromDays(10), "Court order.", "x.liaison", at),
        [nameof(ExecutionRecorded)] = (b, n, at) => new ExecutionRecorded(b, n, true, "Done.", "x.liaison", at),
        [nameof(EvidenceTransferred)] = (b, n, at) => new EvidenceTransferred(b, n, "By courier.", "x.liaison", at),
        [nameof(SpontaneousInformationNoted)] = (b, n, at) => new SpontaneousInformationNoted(b, n, "x.liaison", at),
        [nameof(MeasureResultReported)] = (b, n, at) => new MeasureResultReported(b, n, 1, "Executed", "Witness heard.", [], null, "x.executor", at),
        [nameof(ProvisionalMeasureDecided)] = (b, n, at) => new ProvisionalMeasureDecided(b, n, 2, "Ordered", at, "Court", [], null, "x.liaison", at),
        [nameof(IncomingRequestResumed)] = (b, n, at) => new IncomingRequestResumed(b, n, "Our own trial ended.", "x.liaison", at),
        [nameof(StatusEnquiryAnswered)] = (b, n, at) => new StatusEnquiryAnswered(b, n, Guid.NewGuid(), "The hearing is set for 20 April.", "x.liaison", at),
        [nameof(ConsultationOpened)] = (b, n, at) => new ConsultationOpened(b, n, Guid.NewGuid(), "IntendedRefusal", ["DUAL_CRIMINALITY"], [],
            "Not an offence here.", "x.liaison", at),
        [nameof(IncomingRequestAcceptedUnderConditions)] = (b, n, at) => new IncomingRequestAcceptedUnderConditions(b, n,
            [new MlaRequests.Contracts.Parts.AgreedCondition("Confidentiality", "Not disclosed.")], null, "x.liaison", at),
        [nameof(SharedMilestoneConfirmed)] = (b, n, at) => new SharedMilestoneConfirmed(b, n, Guid.NewGuid(), "x.liaison", at),
    };

    static readonly Dictionary<string, Func<Guid, string, Instant, object>> RequestingStep = new()
    {
        [nameof(RequestWithdrawn)] = (b, n, at) => new RequestWithdrawn(b, n, "Suspect arrested.", "x.prosecutor", at),
        [nameof(JitSignatureRelayed)] = (b, n, at) => new JitSignatureRelayed(b, n, "TJ", "tj.liaison", at),
        [nameof(JitPartyLeft)] = (b, n, at) => new JitPartyLeft(b, n, "TJ", "AgreementDeclined", at),
        [nameof(AdditionalInformationProvided)] = (b, n, at) => new AdditionalInformationProvided(b, n, "Halyk Bank.", "x.prosecutor", at),
        [nameof(EvidenceReceiptConfirmed)] = (b, n, at) => new EvidenceReceiptConfirmed(b, n, "x.prosecutor", at),
        [nameof(StatusEnquirySent)] = (b, n, at) => new StatusEnquirySent(b, n, Guid.NewGuid(), "Has the witness been heard?", false, "x.prosecutor", at),
        [nameof(ConsultationAnswered)] = (b, n, at) => new ConsultationAnswered(b, n, Guid.NewGuid(), "Accepted", "Agreed.", "x.prosecutor", at),
        [nameof(SharedMilestoneScheduled)] = (b, n, at) =>
            new SharedMilestoneScheduled(b, n, Guid.NewGuid(), "Common action day", new LocalDate(2026, 6, 1), ["KZ", "TJ"], "x.prosecutor", at),
        [nameof(SharedMilestoneChanged)] = (b, n, at) => new SharedMilestoneChanged(b, n, Guid.NewGuid(), "Cancelled", new LocalDate(2026, 6, 1), "Called off.", "x.prosecutor", at),
    };

    [Fact]
    public void Every_contract_a_peer_can_send_has_a_rule_of_who_may_send_it()
    {
        var contracts = typeof(CrossBorderEnvelope).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(CrossBorderEnvelope).Namespace && t != typeof(CrossBorderEnvelope) && t.IsClass)
            .Append(typeof(DeliveryReceipt));

        PeerAuthorization.Rules.Keys.Should().BeEquivalentTo(contracts);
        RequestedStep.Keys.Concat(RequestingStep.Keys).Should().BeEquivalentTo(PeerAuthorization.Rules
            .Where(r => r.Value is PeerAuthorization.Sender.RequestedCountry or PeerAuthorization.Sender.RequestingCountry).Select(r => r.Key.Name));
    }

    [Theory]
    [MemberData(nameof(RequestedCountrySteps))]
    public async Task A_third_country_cannot_step_KZ_s_branch_to_KG_in_either_name_but_KG_can(string contract)
    {
        var (_, branch) = await Branch();

        var asItself = await Refused("UZ", RequestedStep[contract](branch, "UZ", api.Now));
        var asKg = await Refused("UZ", RequestedStep[contract](branch, "KG", api.Now));

        asItself.Reason.Should().Be($"not permitted: UZ signed {contract} for case {branch}: only the requested country of this branch (KG) sends it");
        asKg.Reason.Should().Be($"not permitted: UZ signed {contract} for case {branch}, which names KG as its sender");
        asItself.FromNode.Should().Be("UZ");
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("Transmitted", "nothing a third country sent was applied");
        await Applied("KG", RequestedStep[contract](branch, "KG", api.Now));
    }

    [Theory]
    [MemberData(nameof(RequestingCountrySteps))]
    public async Task A_third_country_cannot_withdraw_answer_or_confirm_KG_s_request_to_KZ_but_KG_can(string contract)
    {
        var incoming = await api.ReceiveFromKg();

        var refused = await Refused("UZ", RequestingStep[contract](incoming, "UZ", api.Now));

        refused.Reason.Should().Be($"not permitted: UZ signed {contract} for case {incoming}: only the requesting country of this case (KG) sends it");
        (await api.Node.Incoming(incoming))!.CurrentState.Should().Be("Received");
        await Applied("KG", RequestingStep[contract](incoming, "KG", api.Now));
    }

    [Theory]
    [MemberData(nameof(RequestingCountrySteps))]
    public async Task The_requested_country_cannot_send_the_requesting_country_s_steps_on_KZ_s_own_branch(string contract)
    {
        var (_, branch) = await Branch();

        var refused = await Refused("KG", RequestingStep[contract](branch, "KG", api.Now));

        refused.Reason.Should().Be(
            $"not permitted: KG signed {contract} for case {branch}: only the requesting country sends it, and on this node the case is this node's own branch to KG");
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("Transmitted");
    }

    [Theory]
    [MemberData(nameof(RequestedCountrySteps))]
    public async Task The_requesting_country_cannot_send_the_requested_country_s_steps_on_its_own_request(string contract)
    {
        var incoming = await api.ReceiveFromKg();

        var refused = await Refused("KG", RequestedStep[contract](incoming, "KG", api.Now));

        refused.Reason.Should().Be(
            $"not permitted: KG signed {contract} for case {incoming}: only the requested country sends it, and on this node the case is a request from KG");
        (await api.Node.Incoming(incoming))!.CurrentState.Should().Be("Received");
    }

    [Fact]
    public async Task A_step_for_a_case_KZ_does_not_have_is_quarantined()
    {
        var unknown = Guid.NewGuid();

        var refused = await Refused("KG", new IncomingRequestRegistered(unknown, "KG", "kg.liaison", api.Now));

        refused.Reason.Should().Be($"not permitted: KG signed IncomingRequestRegistered for case {unknown}: this node has no such case");
    }

    [Fact]
    public async Task Milestones_come_only_from_the_other_party_of_the_case()
    {
        var (_, branch) = await Branch();
        var incoming = await api.ReceiveFromKg();
        MilestoneProposed Proposal(Guid caseId, string node) => new(caseId, Guid.NewGuid(), "Common action day", new LocalDate(2026, 6, 1), node, "x.prosecutor", api.Now);

        var onBranch = await Refused("UZ", Proposal(branch, "UZ"));
        var onIncoming = await Refused("TJ", new MilestoneConfirmed(incoming, Guid.NewGuid(), "TJ", "tj.prosecutor", api.Now));

        onBranch.Reason.Should().Be($"not permitted: UZ signed MilestoneProposed for case {branch}: UZ is not a party to it (the other party is KG)");
        onIncoming.Reason.Should().Be($"not permitted: TJ signed MilestoneConfirmed for case {incoming}: TJ is not a party to it (the other party is KG)");
        (await api.Node.Query(db => db.Milestones.CountAsync(m => m.BranchId == branch || m.BranchId == incoming))).Should().Be(0);
        await Applied("KG", Proposal(branch, "KG"));
        await Applied("KG", Proposal(incoming, "KG"));
    }

    [Fact]
    public async Task A_request_is_opened_only_by_its_own_requesting_country()
    {
        var existing = await api.ReceiveFromKg();
        var (_, ownBranch) = await Branch();

        var forKg = await Refused("UZ", Transmitted(Guid.NewGuid(), "KG"));
        var fromNowhere = await Refused("UZ", Transmitted(Guid.NewGuid(), "XX"));
        var overKgsCase = await Refused("UZ", Transmitted(existing, "UZ"));
        var overOwnBranch = await Refused("KG", Transmitted(ownBranch, "KG"));

        forKg.Reason.Should().EndWith(", which names KG as its sender");
        fromNowhere.Reason.Should().EndWith(", which names XX as its sender");
        overKgsCase.Reason.Should().EndWith(": that case exists here as a request from KG");
        overOwnBranch.Reason.Should().EndWith(": that id is this node's own branch to KG");
        (await api.Node.Query(db => db.IncomingCases.CountAsync(c => c.RequestingNode != "KG"))).Should().Be(0, "no case was opened in another country's name");
        (await api.Node.Query(db => db.IncomingCases.SingleAsync(c => c.Id == existing))).RequestingNode.Should().Be("KG");
        var fromUz = Transmitted(Guid.NewGuid(), "UZ");
        await Applied("UZ", fromUz);
        await api.Node.IncomingIn(fromUz.BranchId, "Received");
    }

    [Fact]
    public async Task A_receipt_marks_delivered_only_a_message_sent_to_its_signer()
    {
        var (_, branch) = await Branch();
        var sent = await Eventually.Until(() => api.Node.Query(db => db.CrossBorderMessages.SingleOrDefaultAsync(m => m.CorrelationId == branch
            && m.ContractType == nameof(RequestTransmitted))), m => m is not null, TestTimeouts.Workflow, "the request queued for KG");

        var fromUz = await Refused("UZ", new DeliveryReceipt(sent!.MessageId, api.Now));
        var forNothing = await Refused("KG", new DeliveryReceipt(Guid.NewGuid(), api.Now));

        fromUz.Reason.Should().Be($"not permitted: UZ signed a receipt for message {sent.MessageId}, which was sent to KG");
        forNothing.Reason.Should().EndWith(", which this node never sent");
        (await State(sent.MessageId)).Should().NotBe(DeliveryStates.Delivered);
        await TestEnvelopes.DeliverAsync(api.Node, Receipt("KG", new DeliveryReceipt(sent.MessageId, api.Now)));
        await Eventually.Until(() => State(sent.MessageId), s => s == DeliveryStates.Delivered, TestTimeouts.Workflow, "KG's receipt to be applied");

        Task<string> State(Guid messageId) => api.Node.Query(db => db.CrossBorderMessages.Where(m => m.MessageId == messageId).Select(m => m.State).SingleAsync());
    }

    async Task<(Guid Request, Guid Branch)> Branch()
    {
        var request = await api.RequestIn("Approved");
        return (request, DeterministicGuid.Branch(request, "KG"));
    }

    RequestTransmitted Transmitted(Guid branch, string from) => new(branch, Guid.NewGuid(), $"{from}-2026-000077", from, "KZ", "ClassicMla", "Untoc", false,
        false, RequestContentJson.Version, RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Untoc, "KZ")), "x.liaison", api.Now);

    CrossBorderEnvelope Receipt(string from, DeliveryReceipt receipt) =>
        TestEnvelopes.Resign(from, TestEnvelopes.Signed(from, "KZ", receipt, api.Now) with { Kind = DeliveryStates.ReceiptKind });

    /// <summary>Sends <paramref name="contract"/> signed by <paramref name="from"/> and returns its quarantine row; nothing of it is applied.</summary>
    async Task<QuarantinedMessage> Refused(string from, object contract)
    {
        var envelope = contract is DeliveryReceipt receipt ? Receipt(from, receipt) : TestEnvelopes.Signed(from, "KZ", contract, api.Now);
        await TestEnvelopes.DeliverAsync(api.Node, envelope);
        var row = await Eventually.Until(() => api.Node.Query(db => db.QuarantinedMessages.SingleOrDefaultAsync(q => q.MessageId == envelope.MessageId)),
            q => q is not null, TestTimeouts.Workflow, $"{contract.GetType().Name} signed by {from} to be quarantined");
        (await api.Node.Query(db => db.ReceivedEnvelopes.AnyAsync(r => r.MessageId == envelope.MessageId))).Should().BeFalse("a refused message is never applied");
        return row!;
    }

    /// <summary>Sends <paramref name="contract"/> signed by <paramref name="from"/> and waits until the border applied it.</summary>
    async Task Applied(string from, object contract)
    {
        var envelope = TestEnvelopes.Signed(from, "KZ", contract, api.Now);
        await TestEnvelopes.DeliverAsync(api.Node, envelope);
        await Eventually.Until(() => api.Node.Query(db => db.ReceivedEnvelopes.AnyAsync(r => r.MessageId == envelope.MessageId)), applied => applied,
            TestTimeouts.Workflow, $"{contract.GetType().Name} signed by {from} to be applied");
        (await api.Node.Query(db => db.QuarantinedMessages.AnyAsync(q => q.MessageId == envelope.MessageId))).Should().BeFalse();
    }
}
