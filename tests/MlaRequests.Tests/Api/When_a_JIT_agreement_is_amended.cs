using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// A JIT agreement in force is amended as it was made (UNTOC Art. 19): one party proposes the whole amended agreement (members, leaders,
/// purpose, arrangements) with reasons, the other signs (the next version is in force on both nodes) or declines (the version in force
/// stays). KZ is this node, KG the other party (a fake peer); the agreement ends on 2027-12-31.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_JIT_agreement_is_amended(ApiNode api) : IClassFixture<ApiNode>
{
    const string Reasons = "A financial analyst of KG joins the team to trace the network's accounts.";
    const string Analyst = "Cholpon Toktogulova";

    [Fact]
    public async Task KZ_proposes_KG_signs_and_version_2_is_in_force_with_the_history_on_the_card()
    {
        var (id, branch) = await InForceWithKg();
        var prosecutor = await api.As(Prosecutor);

        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/propose-jit-amendment", Amendment()))
            .ShouldBeAsync(HttpStatusCode.Accepted);

        // The agreement (names of team members) crosses in the same envelope as every contract: EnvelopeSigner.SealAndSign seals it for KG.
        var proposed = await api.Kg.Receives<JitAmendmentProposed>(branch);
        proposed.Number.Should().Be(2);
        proposed.Reasons.Should().Be(Reasons);
        var agreement = JsonSerializer.Deserialize<JitProposal>(proposed.AgreementJson, RequestContentJson.Options)!;
        agreement.Members.Should().Contain(m => m.Name == Analyst && m.Country == "KG");
        agreement.EndsOn.Should().Be(new LocalDate(2027, 12, 31), "the period in force is kept");
        await api.Node.BranchIn(branch, "AmendmentProposedHere");
        (await Versions(branch)).Select(v => (v.Number, v.State)).Should().Equal((1, "InForce"), (2, "Proposed"));

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAmendmentSigned(branch, "KG", proposed.AmendmentId, "kg.liaison", api.Now), api.Now));
        await api.Node.BranchIn(branch, "AgreementInForce");

        var versions = await Versions(branch);
        versions.Select(v => (v.Number, v.State)).Should().Equal((1, "Superseded"), (2, "InForce"));
        versions[1].SignedBy.Should().Be("kg.liaison (KG)");
        versions[0].SignedAt.Should().NotBeNull("version 1 takes its signature time from the entry into force");
        var timeline = await api.Timeline(id);
        timeline.Should().ContainSingle(e => e.Action == "JIT agreement amendment proposed" && e.Details == $"Version 2: {Reasons}");
        timeline.Should().ContainSingle(e => e.Action == "JIT agreement amendment signed: in force" && e.Actor == "kg.liaison (KG)"
            && e.Details == "Version 2 of the agreement is in force on both nodes");
        (await api.Node.Clocks(id)).Where(c => c.Kind == ClockKind.JitPeriod).Should().ContainSingle(c => c.CurrentState == "Running", "an amendment leaves the period clock alone");

        var browser = await Browser(Prosecutor);
        var english = await Page(browser, $"/Requests/{id}", "en");
        english.Should().Contain("id=\"jit-versions\"").And.Contain("agreement in force, version 2").And.Contain(Analyst)
            .And.Contain("data-version=\"1\" data-state=\"Superseded\"").And.Contain("data-version=\"2\" data-state=\"InForce\"");
        (await Page(browser, $"/Requests/{id}", "ru")).Should().Contain("действующее соглашение, редакция 2").And.Contain("заменена более поздней редакцией");
    }

    [Fact]
    public async Task KZ_as_the_requested_party_signs_KG_s_amendment_and_declines_the_next_one()
    {
        var incoming = await IncomingInForce();
        var liaison = await api.As(Liaison);
        var first = Guid.NewGuid();
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new JitAmendmentProposed(incoming, "KG", first, 2, AgreementJson(["KZ"], "KZ"), Reasons, "kg.prosecutor", api.Now), api.Now));
        await api.Node.IncomingIn(incoming, "AmendmentProposedThere");

        await (await liaison.PostAsync($"/api/incoming/{incoming}/sign-amendment")).ShouldBeAsync(HttpStatusCode.Accepted);

        (await api.Kg.Receives<JitAmendmentSigned>(incoming)).AmendmentId.Should().Be(first);
        await api.Node.IncomingIn(incoming, "AgreementInForce");
        (await Versions(incoming)).Select(v => (v.Number, v.State)).Should().Equal((1, "Superseded"), (2, "InForce"));

        var second = Guid.NewGuid();
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new JitAmendmentProposed(incoming, "KG", second, 3, AgreementJson(["KZ"], "KZ", purpose: "Only the money laundering"), "Narrower purpose",
                "kg.prosecutor", api.Now.Plus(Duration.FromMinutes(1))), api.Now));
        await api.Node.IncomingIn(incoming, "AmendmentProposedThere");
        await (await liaison.PostAsync($"/api/incoming/{incoming}/decline-amendment", new { reasons = "The purpose stays as signed." }))
            .ShouldBeAsync(HttpStatusCode.Accepted);

        (await api.Kg.Receives<JitAmendmentDeclined>(incoming)).Should().Match<JitAmendmentDeclined>(d => d.AmendmentId == second && d.Reasons == "The purpose stays as signed.");
        await api.Node.IncomingIn(incoming, "AgreementInForce");
        (await Versions(incoming)).Select(v => (v.Number, v.State)).Should().Equal((1, "Superseded"), (2, "InForce"), (3, "Declined"));
        (await api.Timeline(incoming)).Should().ContainSingle(e => e.Action == "JIT agreement amendment declined: the agreement is unchanged");

        var browser = await Browser(Liaison);
        (await Page(browser, $"/Incoming/{incoming}", "en")).Should().Contain("agreement in force, version 2").And.Contain("data-state=\"Declined\"");
    }

    [Fact]
    public async Task Two_amendments_that_cross_both_lapse_on_this_node()
    {
        var (id, branch) = await InForceWithKg();
        await (await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/targets/KG/propose-jit-amendment", Amendment())).ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.BranchIn(branch, "AmendmentProposedHere");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new JitAmendmentProposed(branch, "KG", Guid.NewGuid(), 2, AgreementJson(["KG"], "KG", purpose: "Another change"), "Ours", "kg.liaison", api.Now), api.Now));

        await api.Node.BranchIn(branch, "AgreementInForce");
        (await Versions(branch)).Select(v => (v.Number, v.State)).Should().BeEquivalentTo(new[] { (1, "InForce"), (2, "Lapsed"), (2, "Lapsed") });
        (await api.Timeline(id)).Should().ContainSingle(e => e.Action == "JIT agreement proposals crossed: neither applies"
            && e.Details == "Both parties proposed an amendment at once (the other party's: version 2); the agreement is unchanged and either party may propose again");
    }

    [Fact]
    public async Task An_amendment_and_an_extension_that_cross_both_lapse_whichever_this_node_proposed()
    {
        var (id, branch) = await InForceWithKg();
        var prosecutor = await api.As(Prosecutor);
        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/propose-jit-amendment", Amendment())).ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.BranchIn(branch, "AmendmentProposedHere");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new JitExtensionProposed(branch, "KG", new LocalDate(2028, 6, 30), "More time", "kg.liaison", api.Now), api.Now));
        await api.Node.BranchIn(branch, "AgreementInForce");
        (await Versions(branch)).Should().ContainSingle(v => v.Number == 2 && v.State == "Lapsed");

        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/propose-jit-extension", new { endsOn = "2028-06-30", reasons = "More time" }))
            .ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.BranchIn(branch, "ExtensionProposedHere");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new JitAmendmentProposed(branch, "KG", Guid.NewGuid(), 2, AgreementJson(["KG"], "KG", purpose: "Another change"), "Ours", "kg.liaison",
                api.Now.Plus(Duration.FromMinutes(1))), api.Now));

        await api.Node.BranchIn(branch, "AgreementInForce");
        (await api.Node.Branch(branch))!.ProposedJitEndsOn.Should().BeNull("the extension lapsed too");
        (await Versions(branch)).Count(v => v.State == "Lapsed").Should().Be(2);
        (await api.Timeline(id)).Where(e => e.Action == "JIT agreement proposals crossed: neither applies").Select(e => e.Details).Should().Equal(
            "An amendment and an extension (to 2028-06-30) were proposed at once; the agreement is unchanged and either party may propose again",
            "An amendment and an extension (to 2028-06-30) were proposed at once; the agreement is unchanged and either party may propose again");
    }

    [Fact]
    public async Task Closing_while_an_amendment_is_open_lets_it_lapse()
    {
        var (id, branch) = await InForceWithKg();
        var prosecutor = await api.As(Prosecutor);
        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/propose-jit-amendment", Amendment())).ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.BranchIn(branch, "AmendmentProposedHere");

        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/close-jit", new { evaluation = "Done." })).ShouldBeAsync(HttpStatusCode.Accepted);

        await api.Node.BranchIn(branch, "AgreementClosed");
        (await Versions(branch)).Should().ContainSingle(v => v.Number == 2 && v.State == "Lapsed");
        await Eventually.Until(async () => (await api.Node.Clocks(id)).Any(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Met"), m => m,
            TestTimeouts.Workflow, "closing stops the period clock");
    }

    [Fact]
    public async Task Bad_input_names_the_field_a_supervisor_may_not_propose_another_office_does_not_see_it_and_nothing_is_sent()
    {
        var (id, branch) = await InForceWithKg();
        var prosecutor = await api.As(Prosecutor);
        var outbox = await api.OutboxHighWater();
        var path = $"/api/requests/{id}/targets/KG/propose-jit-amendment";
        var unchanged = TestContent.JitAgreement(["KG"]);
        var later = TestContent.JitAgreement(["KG"]);
        later.EndsOn = new LocalDate(2028, 6, 30);
        later.Purpose = "Changed";
        var incomplete = Amended();
        incomplete.Members![^1].Authority = null;

        var noReasons = await prosecutor.PostAsync(path, new { jit = Amended(), reasons = "" });
        var same = await prosecutor.PostAsync(path, new { jit = unchanged, reasons = Reasons });
        var endChanged = await prosecutor.PostAsync(path, new { jit = later, reasons = Reasons });
        var missingAuthority = await prosecutor.PostAsync(path, new { jit = incomplete, reasons = Reasons });
        var noAgreement = await prosecutor.PostAsync(path, new { reasons = Reasons });
        var supervisor = await (await api.As(Supervisor)).PostAsync(path, Amendment());
        var otherOffice = await (await api.As(OtherOfficeProsecutor)).PostAsync(path, Amendment());
        var sign = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/sign-jit-amendment");

        (await noReasons.ErrorFieldsAsync()).Should().Equal("reasons");
        (await same.ErrorFieldsAsync()).Should().Equal("jit");
        (await endChanged.ErrorFieldsAsync()).Should().Equal("jit.endsOn");
        (await missingAuthority.ErrorFieldsAsync()).Should().Equal($"jit.members[{incomplete.Members.Count - 1}].authority");
        (await noAgreement.ErrorFieldsAsync()).Should().Equal("jit");
        await supervisor.ShouldBeAsync(HttpStatusCode.Forbidden);
        await otherOffice.ShouldBeAsync(HttpStatusCode.NotFound);
        await sign.ShouldBeConflictAsync("sign-jit-amendment", "AgreementInForce");
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("AgreementInForce");
        (await Versions(branch)).Should().BeEmpty("nothing was proposed");
    }

    [Fact]
    public async Task A_prosecutor_may_not_propose_for_the_requested_side()
    {
        var incoming = await IncomingInForce();
        var response = await (await api.As(Prosecutor)).PostAsync($"/api/incoming/{incoming}/propose-amendment",
            new { jit = TestContent.JitAgreement(["KZ"]), reasons = Reasons });
        await response.ShouldBeAsync(HttpStatusCode.Forbidden);
        await api.Settled();
        api.Kg.About(incoming).OfType<JitAmendmentProposed>().Should().BeEmpty();
    }

    [Fact]
    public async Task A_proposal_sent_again_with_the_same_key_is_sent_once_and_a_second_one_is_a_conflict()
    {
        var (id, branch) = await InForceWithKg();
        var prosecutor = await api.As(Prosecutor);
        var key = Guid.NewGuid().ToString();
        var path = $"/api/requests/{id}/targets/KG/propose-jit-amendment";

        var first = await Send(prosecutor, path, key);
        var again = await Send(prosecutor, path, key);
        await api.Node.BranchIn(branch, "AmendmentProposedHere");
        var another = await prosecutor.PostAsync(path, Amendment());

        await first.ShouldBeAsync(HttpStatusCode.Accepted);
        await again.ShouldBeAsync(HttpStatusCode.Accepted);
        await another.ShouldBeConflictAsync("propose-jit-amendment", "AmendmentProposedHere");
        await api.Settled();
        api.Kg.About(branch).OfType<JitAmendmentProposed>().Should().ContainSingle();
        (await Versions(branch)).Count(v => v.State == "Proposed").Should().Be(1);
    }

    [Fact]
    public async Task An_amendment_a_third_country_sends_for_KG_s_branch_is_quarantined_and_nothing_is_applied()
    {
        var (id, branch) = await InForceWithKg();
        var envelope = TestEnvelopes.Signed("UZ", "KZ",
            new JitAmendmentProposed(branch, "UZ", Guid.NewGuid(), 2, AgreementJson(["KG"], "KG"), Reasons, "uz.prosecutor", api.Now), api.Now);

        await TestEnvelopes.DeliverAsync(api.Node, envelope);

        await Eventually.Until(() => api.Node.Query(db => db.QuarantinedMessages.AnyAsync(q => q.MessageId == envelope.MessageId)), q => q,
            TestTimeouts.Workflow, "the amendment to be quarantined");
        await api.Settled();
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("AgreementInForce");
        (await Versions(branch)).Should().BeEmpty();
        (await api.Timeline(id)).Should().NotContain(e => e.Action == "JIT agreement amendment proposed");
    }

    [Fact]
    public async Task The_request_page_offers_the_proposal_in_Russian_and_takes_it_from_the_form()
    {
        var (id, branch) = await InForceWithKg();
        var browser = await Browser(Prosecutor);
        var russian = await Page(browser, $"/Requests/{id}", "ru");
        russian.Should().Contain("data-step-form=\"propose-jit-amendment\"").And.Contain("Предложить этой стране изменить соглашение о СГР");
        var jit = TestContent.JitAgreement(["KG"]);

        var posted = await browser.PostAsync("/Steps", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Subject"] = "branch", ["Form.Id"] = id.ToString(), ["Form.Country"] = "KG", ["Form.Route"] = "propose-jit-amendment",
            ["Form.Text"] = Reasons, ["Form.JitPurpose"] = jit.Purpose!, ["Form.JitArrangements"] = jit.Arrangements!,
            ["Form.JitMembers"] = string.Join("\n", jit.Members!.Select(m => $"{m.Country} | {m.Name} | {m.Function} | {m.Authority} | {(m.Leader ? "x" : "")}"))
                + $"\nkg | {Analyst} | Financial analyst | Financial Police of KG |",
            ["Form.ReturnUrl"] = $"/Requests/{id}", ["__RequestVerificationToken"] = Token(russian),
        }));

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var proposed = await api.Kg.Receives<JitAmendmentProposed>(branch);
        JsonSerializer.Deserialize<JitProposal>(proposed.AgreementJson, RequestContentJson.Options)!.Members.Should()
            .Contain(m => m.Name == Analyst && m.Country == "KG" && !m.Leader);
        await api.Node.BranchIn(branch, "AmendmentProposedHere");
        (await Page(browser, $"/Requests/{id}", "ru")).Should().Contain("Предложено изменение соглашения о СГР");
    }

    static JitProposal Amended()
    {
        var jit = TestContent.JitAgreement(["KG"]);
        jit.StartsOn = null;
        jit.EndsOn = null;
        jit.Members!.Add(new JitMember { Country = "KG", Name = Analyst, Function = "Financial analyst", Authority = "Financial Police of KG" });
        return jit;
    }

    static object Amendment() => new { jit = Amended(), reasons = Reasons };

    static string AgreementJson(IReadOnlyList<string> targets, string newMemberCountry, string? purpose = null)
    {
        var jit = TestContent.JitAgreement(targets);
        jit.Purpose = purpose ?? jit.Purpose;
        jit.Members!.Add(new JitMember { Country = newMemberCountry, Name = Analyst, Function = "Financial analyst", Authority = "Financial Police" });
        return JsonSerializer.Serialize(jit, RequestContentJson.Options);
    }

    Task<List<JitAgreementVersion>> Versions(Guid branch) =>
        api.Node.Query(db => db.JitAgreementVersions.AsNoTracking().Where(v => v.BranchId == branch).OrderBy(v => v.Number).ThenBy(v => v.State).ToListAsync());

    Task<HttpClient> Browser(string user) => WebPages.SignInAsync(api, user);

    static Task<string> Page(HttpClient client, string path, string language) => WebPages.GetAsync(client, path, language);

    static string Token(string page) => WebPages.Token(page);

    /// <summary>A JIT agreement with KG in force: KG accepted, KZ signed, KG's signature arrived.</summary>
    async Task<(Guid Id, Guid Branch)> InForceWithKg()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Kind = RequestKind.JointInvestigationTeam;
        content.Jit = TestContent.JitAgreement(content.Targets);
        var id = await api.RequestIn("Approved", content);
        var branch = DeterministicGuid.Branch(id, "KG");
        await api.Node.Bus.Publish(new IncomingRequestRegistered(branch, "KG", "kg.liaison", api.Now));
        await api.Node.BranchIn(branch, "Acknowledged");
        await api.Node.Bus.Publish(new IncomingRequestAssigned(branch, "KG", "kg.liaison", api.Now));
        await api.Node.BranchIn(branch, "UnderRecognition");
        await api.Node.Bus.Publish(new IncomingRequestAccepted(branch, "KG", null, "kg.liaison", api.Now));
        await api.Node.BranchIn(branch, "AgreementAwaitingSignatures");
        await (await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/targets/KG/sign-jit")).ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.BranchIn(branch, "AgreementSignedHere");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementSigned(branch, "KG", "kg.liaison", api.Now), api.Now));
        await api.Node.BranchIn(branch, "AgreementInForce");
        await Eventually.Until(async () => (await api.Node.Clocks(id)).Any(c => c.Kind == ClockKind.JitPeriod), r => r, TestTimeouts.Workflow, "the period clock");
        await api.Settled();
        return (id, branch);
    }

    /// <summary>A JIT agreement KG proposed to KZ, accepted and signed by both.</summary>
    async Task<Guid> IncomingInForce()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        content.Kind = RequestKind.JointInvestigationTeam;
        content.Jit = TestContent.JitAgreement(["KZ"]);
        var incoming = await api.CaseIn("Assigned", content);
        var liaison = await api.As(Liaison);
        await (await liaison.PostAsync($"/api/incoming/{incoming}/accept")).ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.IncomingIn(incoming, "AgreementAwaitingSignatures");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementSigned(incoming, "KG", "kg.prosecutor", api.Now), api.Now));
        await api.Node.IncomingIn(incoming, "AgreementSignedThere");
        await (await liaison.PostAsync($"/api/incoming/{incoming}/sign-agreement")).ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.IncomingIn(incoming, "AgreementInForce");
        await api.Settled();
        return incoming;
    }

    static Task<HttpResponseMessage> Send(NodeApi user, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(Amendment(), options: RequestContentJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
