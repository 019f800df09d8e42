using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// A multilateral joint investigation team agreement is in force when every party has signed (issue 14; UNTOC Art. 19). Three parties: on
/// KZ as the requesting country, KG and TJ requested (fake peers): a branch whose two signatures are given waits for the other branch,
/// KZ relays each requested country's signature to the other, and both branches enter into force with the last signature; a country that
/// declines drops out and the others go on. On KZ as a requested country (a case from KG with TJ as the third party): the case waits for
/// TJ's signature, relayed by KG; relays from anyone but KG, or naming KZ itself or a non-party, are quarantined; a relay twice is kept once.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_JIT_agreement_has_several_parties(ApiNode api) : IClassFixture<ApiNode>
{
    static readonly ConcurrentDictionary<ApiNode, Lazy<Task<SentToCountry>>> Tajikistan = new();

    [Fact]
    public async Task On_the_requesting_node_both_branches_enter_into_force_only_with_the_last_signature_and_each_country_gets_the_other_s()
    {
        var (id, kg, tj, toTj) = await JitToKgAndTj();
        var prosecutor = await api.As(Prosecutor);

        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/sign-jit")).ShouldBeAsync(System.Net.HttpStatusCode.Accepted);
        await api.Node.BranchIn(kg, "AgreementSignedHere");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementSigned(kg, "KG", "kg.liaison", api.Now), api.Now));

        await api.Node.BranchIn(kg, "AgreementAwaitingParties");
        var relayedToTj = await toTj.Receives<JitSignatureRelayed>(tj);
        relayedToTj.Should().Match<JitSignatureRelayed>(r => r.Node == "KZ" && r.Party == "KG" && r.Actor == "kg.liaison");
        await api.Settled();
        (await api.Node.Clocks(id)).Should().NotContain(c => c.Kind == ClockKind.JitPeriod, "nothing is in force while TJ has not signed");
        var page = await prosecutor.GetAsync($"/api/requests/{id}");
        page.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("country").GetString() == "KG").GetProperty("allowedSteps").EnumerateArray()
            .Select(s => s.GetString()).Should().NotContain("close-jit");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("TJ", "KZ", new JitAgreementSigned(tj, "TJ", "tj.liaison", api.Now), api.Now));
        await api.Node.BranchIn(tj, "AgreementSignedThere");
        (await api.Node.Branch(kg))!.CurrentState.Should().Be("AgreementAwaitingParties", "KZ has not yet signed with TJ");
        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/TJ/sign-jit")).ShouldBeAsync(System.Net.HttpStatusCode.Accepted);

        await api.Node.BranchIn(tj, "AgreementInForce");
        await api.Node.BranchIn(kg, "AgreementInForce");
        (await api.Kg.Receives<JitSignatureRelayed>(kg)).Should().Match<JitSignatureRelayed>(r => r.Party == "TJ" && r.Actor == "tj.liaison");
        await Eventually.Until(async () => (await api.Node.Clocks(id)).Count(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Running"), n => n == 2,
            TestTimeouts.Workflow, "a period clock per branch");
        var timeline = await api.Timeline(id);
        timeline.Where(e => e.Action == "JIT agreement in force: every party signed").Select(e => e.Details)
            .Should().Equal("Parties: KZ, KG, TJ", "Parties: KZ, KG, TJ");
        timeline.Should().ContainSingle(e => e.Action == "JIT agreement signed by both; the other parties' signatures are awaited" && e.Details == "Awaited: TJ");
        (await api.Node.Query(db => db.Set<JitPartySignature>().Where(s => s.BranchId == kg || s.BranchId == tj).CountAsync())).Should().Be(4,
            "each branch keeps its two signatures");
    }

    [Fact]
    public async Task A_country_that_declines_drops_out_the_others_enter_into_force_and_are_told()
    {
        var (id, kg, tj, toTj) = await JitToKgAndTj();
        var prosecutor = await api.As(Prosecutor);
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementSigned(kg, "KG", "kg.liaison", api.Now), api.Now));
        await api.Node.BranchIn(kg, "AgreementSignedThere");
        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/sign-jit")).ShouldBeAsync(System.Net.HttpStatusCode.Accepted);
        await api.Node.BranchIn(kg, "AgreementAwaitingParties");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("TJ", "KZ",
            new JitAgreementDeclined(tj, "TJ", "Our own investigation covers the network.", "tj.liaison", api.Now), api.Now));

        await api.Node.BranchIn(tj, "AgreementDeclined");
        await api.Node.BranchIn(kg, "AgreementInForce");
        (await api.Kg.Receives<JitPartyLeft>(kg)).Should().Match<JitPartyLeft>(l => l.Party == "TJ" && l.Outcome == "AgreementDeclined" && l.Node == "KZ");
        (await api.Timeline(id)).Should().ContainSingle(e => e.Action == "JIT agreement in force: every party signed" && e.Details == "Parties: KZ, KG");
        await api.Settled();
        toTj.About(tj).OfType<JitPartyLeft>().Should().BeEmpty("the country that left is not told about itself");
    }

    [Fact]
    public async Task A_requested_node_on_the_previous_release_closing_its_case_early_closes_the_waiting_branch_and_nothing_is_stuck()
    {
        var (id, kg, _, _) = await JitToKgAndTj();
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementSigned(kg, "KG", "kg.liaison", api.Now), api.Now));
        await (await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/targets/KG/sign-jit")).ShouldBeAsync(System.Net.HttpStatusCode.Accepted);
        await api.Node.BranchIn(kg, "AgreementAwaitingParties");

        // KG on release 3 knows nothing of TJ: its case entered into force with the two signatures, and its leader closed it.
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementClosed(kg, "KG", "Closed on our side.", "kg.liaison", api.Now), api.Now));

        await api.Node.BranchIn(kg, "AgreementClosed");
        (await api.Timeline(id)).Should().ContainSingle(e => e.Action == "JIT agreement closed" && e.Details == "Closed on our side.");
    }

    [Fact]
    public async Task On_a_requested_node_the_case_waits_for_the_third_party_s_relayed_signature_and_refuses_forged_relays()
    {
        var incoming = await api.CaseIn("Assigned", JitFromKgWithTj());
        var liaison = await api.As(Liaison);
        await (await liaison.PostAsync($"/api/incoming/{incoming}/accept")).ShouldBeAsync(System.Net.HttpStatusCode.Accepted);
        await api.Node.IncomingIn(incoming, "AgreementAwaitingSignatures");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementSigned(incoming, "KG", "kg.prosecutor", api.Now), api.Now));
        await api.Node.IncomingIn(incoming, "AgreementSignedThere");
        await (await liaison.PostAsync($"/api/incoming/{incoming}/sign-agreement")).ShouldBeAsync(System.Net.HttpStatusCode.Accepted);
        await api.Node.IncomingIn(incoming, "AgreementAwaitingParties");

        var forgedByTj = await Refused("TJ", new JitSignatureRelayed(incoming, "TJ", "TJ", "tj.liaison", api.Now));
        var namingKz = await Refused("KG", new JitSignatureRelayed(incoming, "KG", "KZ", "kz.someone", api.Now));
        var namingUz = await Refused("KG", new JitSignatureRelayed(incoming, "KG", "UZ", "uz.liaison", api.Now));
        var leftByTj = await Refused("TJ", new JitPartyLeft(incoming, "TJ", "TJ", "AgreementDeclined", api.Now));
        forgedByTj.Reason.Should().Contain("only the requesting country of this case (KG) sends it");
        namingKz.Reason.Should().Contain("the receiving country itself");
        namingUz.Reason.Should().Contain("UZ is not a party");
        leftByTj.Reason.Should().Contain("only the requesting country of this case (KG) sends it");
        (await api.Node.Incoming(incoming))!.CurrentState.Should().Be("AgreementAwaitingParties");

        var relay = new JitSignatureRelayed(incoming, "KG", "TJ", "tj.liaison", api.Now);
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", relay, api.Now));
        await api.Node.IncomingIn(incoming, "AgreementInForce");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", relay, api.Now));
        await api.Settled();

        var timeline = await api.Timeline(incoming);
        timeline.Should().ContainSingle(e => e.Action == "JIT agreement signed by another party" && e.Details == "Signed by TJ (relayed by KG)"
            && e.Actor == "tj.liaison (TJ)", "the relay sent twice is kept once");
        timeline.Should().ContainSingle(e => e.Action == "JIT agreement in force: every party signed" && e.Details == "Parties: KG, KZ, TJ");
        (await api.Node.Query(db => db.Set<JitPartySignature>().Where(s => s.BranchId == incoming).OrderBy(s => s.Party).Select(s => s.Party + ":" + s.RelayedBy)
            .ToListAsync())).Should().Equal("KG:", "KZ:", "TJ:KG");
        await Eventually.Until(async () => (await api.Node.Clocks(incoming)).Any(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Running"), r => r,
            TestTimeouts.Workflow, "the period clock");
    }

    [Fact]
    public async Task On_a_requested_node_a_relayed_departure_of_the_only_party_awaited_puts_the_case_in_force()
    {
        var incoming = await api.CaseIn("Assigned", JitFromKgWithTj());
        var liaison = await api.As(Liaison);
        await (await liaison.PostAsync($"/api/incoming/{incoming}/accept")).ShouldBeAsync(System.Net.HttpStatusCode.Accepted);
        await api.Node.IncomingIn(incoming, "AgreementAwaitingSignatures");
        await (await liaison.PostAsync($"/api/incoming/{incoming}/sign-agreement")).ShouldBeAsync(System.Net.HttpStatusCode.Accepted);
        await api.Node.IncomingIn(incoming, "AgreementSignedHere");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitPartyLeft(incoming, "KG", "TJ", "AgreementDeclined", api.Now), api.Now));
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementSigned(incoming, "KG", "kg.prosecutor", api.Now), api.Now));

        await api.Node.IncomingIn(incoming, "AgreementInForce");
        var timeline = await api.Timeline(incoming);
        timeline.Should().ContainSingle(e => e.Action == "JIT agreement: a party left"
            && e.Details == "TJ is no longer a party (AgreementDeclined; relayed by KG); the agreement goes on among the others");
        timeline.Should().ContainSingle(e => e.Action == "JIT agreement in force: every party signed" && e.Details == "Parties: KG, KZ");
    }

    [Fact]
    public async Task The_case_page_shows_the_waiting_status_and_the_relayed_signature_in_English_and_Russian()
    {
        var incoming = await api.CaseIn("Assigned", JitFromKgWithTj());
        var liaison = await api.As(Liaison);
        await (await liaison.PostAsync($"/api/incoming/{incoming}/accept")).ShouldBeAsync(System.Net.HttpStatusCode.Accepted);
        await api.Node.IncomingIn(incoming, "AgreementAwaitingSignatures");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementSigned(incoming, "KG", "kg.prosecutor", api.Now), api.Now));
        await api.Node.IncomingIn(incoming, "AgreementSignedThere");
        await (await liaison.PostAsync($"/api/incoming/{incoming}/sign-agreement")).ShouldBeAsync(System.Net.HttpStatusCode.Accepted);
        await api.Node.IncomingIn(incoming, "AgreementAwaitingParties");
        var browser = await Browser(Liaison);

        var english = await Page(browser, $"/Incoming/{incoming}", "en");
        var russian = await Page(browser, $"/Incoming/{incoming}", "ru");

        english.Should().Contain("Agreement signed by both, awaiting the other parties").And.Contain("Awaited: TJ");
        russian.Should().Contain("Соглашение подписано обеими сторонами, ожидаются подписи остальных сторон").And.Contain("Ожидаются: TJ");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitSignatureRelayed(incoming, "KG", "TJ", "tj.liaison", api.Now), api.Now));
        await api.Node.IncomingIn(incoming, "AgreementInForce");
        var signatures = await Page(browser, $"/Incoming/{incoming}", "en");
        signatures[signatures.IndexOf("id=\"jit-signatures\"", StringComparison.Ordinal)..].Should().Contain("tj.liaison");
        (await Page(browser, $"/Incoming/{incoming}", "ru")).Should().Contain("Соглашение о СГР подписано другой стороной");
    }

    Task<HttpClient> Browser(string user) => WebPages.SignInAsync(api, user);

    static Task<string> Page(HttpClient client, string path, string language) => WebPages.GetAsync(client, path, language);

    static string Token(string page) => WebPages.Token(page);

    /// <summary>A JIT proposal to KG and TJ, approved, which both registered, assigned and accepted.</summary>
    async Task<(Guid Id, Guid Kg, Guid Tj, SentToCountry ToTj)> JitToKgAndTj()
    {
        var toTj = await Tajikistan.GetOrAdd(api, a => new Lazy<Task<SentToCountry>>(() => SentToCountry.ListenAsync(a.Node, "TJ"))).Value;
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG", "TJ");
        content.Kind = RequestKind.JointInvestigationTeam;
        content.Jit = TestContent.JitAgreement(content.Targets);
        var id = await api.RequestIn("Approved", content);
        var kg = DeterministicGuid.Branch(id, "KG");
        var tj = DeterministicGuid.Branch(id, "TJ");
        foreach (var (branch, country) in new[] { (kg, "KG"), (tj, "TJ") })
        {
            await api.Node.Bus.Publish(new IncomingRequestRegistered(branch, country, "liaison", api.Now));
            await api.Node.BranchIn(branch, "Acknowledged");
            await api.Node.Bus.Publish(new IncomingRequestAssigned(branch, country, "liaison", api.Now));
            await api.Node.BranchIn(branch, "UnderRecognition");
            await api.Node.Bus.Publish(new IncomingRequestAccepted(branch, country, null, "liaison", api.Now));
            await api.Node.BranchIn(branch, "AgreementAwaitingSignatures");
        }
        await api.Settled();
        return (id, kg, tj, toTj);
    }

    static RequestContent JitFromKgWithTj()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ", "TJ");
        content.Kind = RequestKind.JointInvestigationTeam;
        content.Jit = TestContent.JitAgreement(["TJ"]);
        content.Jit.Members = [.. ((string[])["KG", "KZ", "TJ"]).Select(c => new JitMember
            { Country = c, Name = $"Leader of {c}", Function = "Prosecutor", Authority = $"Prosecutor General's Office of {c}", Leader = true })];
        return content;
    }

    async Task<Node.Delivery.QuarantinedMessage> Refused(string from, object contract)
    {
        var envelope = TestEnvelopes.Signed(from, "KZ", contract, api.Now);
        await TestEnvelopes.DeliverAsync(api.Node, envelope);
        var row = await Eventually.Until(() => api.Node.Query(db => db.QuarantinedMessages.SingleOrDefaultAsync(q => q.MessageId == envelope.MessageId)),
            q => q is not null, TestTimeouts.Workflow, $"{contract.GetType().Name} signed by {from} to be quarantined");
        (await api.Node.Query(db => db.ReceivedEnvelopes.AnyAsync(r => r.MessageId == envelope.MessageId))).Should().BeFalse("a refused message is never applied");
        return row!;
    }
}
