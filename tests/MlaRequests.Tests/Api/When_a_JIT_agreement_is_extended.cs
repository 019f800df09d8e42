using System.Net;
using System.Net.Http.Json;
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
/// A JIT agreement in force is extended as it was made (UNTOC Art. 19): one party proposes a later end date with reasons, the other
/// signs (the new end date is in force on both nodes and the period clock runs to it) or declines (nothing changes). KZ is this
/// node, KG the other party (a fake peer); the agreement ends on 2027-12-31.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_JIT_agreement_is_extended(ApiNode api) : IClassFixture<ApiNode>
{
    const string Reasons = "The financial analysis of the network's accounts needs six more months.";
    static readonly LocalDate NewEnd = new(2028, 6, 30);

    [Fact]
    public async Task KZ_proposes_KG_signs_and_the_new_end_date_is_in_force_with_a_new_clock_to_it()
    {
        var (id, branch) = await InForceWithKg();
        var prosecutor = await api.As(Prosecutor);

        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/propose-jit-extension", new { endsOn = "2028-06-30", reasons = Reasons }))
            .ShouldBeAsync(HttpStatusCode.Accepted);

        (await api.Kg.Receives<JitExtensionProposed>(branch)).Should().Match<JitExtensionProposed>(p => p.EndsOn == NewEnd && p.Reasons == Reasons && p.Node == "KZ");
        await api.Node.BranchIn(branch, "ExtensionProposedHere");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitExtensionSigned(branch, "KG", NewEnd, "kg.liaison", api.Now), api.Now));
        await api.Node.BranchIn(branch, "AgreementInForce");

        (await api.Node.Branch(branch))!.JitEndsOn.Should().Be(NewEnd);
        var clocks = await Eventually.Until(() => api.Node.Clocks(id), c => c.Count(x => x.Kind == ClockKind.JitPeriod) == 2 && c.Any(x => x.CurrentState == "Cancelled"),
            TestTimeouts.Workflow, "the old clock cancelled and a new one started");
        var running = clocks.Single(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Running");
        running.DueAt.Should().Be(DateTimeZoneProviders.Tzdb[running.TimeZone].AtStartOfDay(new LocalDate(2028, 7, 1)).ToInstant(),
            "the new clock is due at the end of the new last day");
        var timeline = await api.Timeline(id);
        timeline.Should().ContainSingle(e => e.Action == "JIT agreement extension proposed" && e.Details == $"New end date 2028-06-30: {Reasons}");
        timeline.Should().ContainSingle(e => e.Action == "JIT agreement extension signed: in force" && e.Actor == "kg.liaison (KG)"
            && e.Details == "The agreement now ends on 2028-06-30; its period clock runs to that day");

        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/close-jit", new { evaluation = "Done." })).ShouldBeAsync(HttpStatusCode.Accepted);
        await Eventually.Until(async () => (await api.Node.Clocks(id)).Any(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Met"), m => m,
            TestTimeouts.Workflow, "closing stops the extended period's clock");
    }

    [Fact]
    public async Task KZ_as_the_requested_party_signs_KG_s_proposal_and_declines_the_next_one()
    {
        var incoming = await IncomingInForce();
        var liaison = await api.As(Liaison);
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitExtensionProposed(incoming, "KG", NewEnd, Reasons, "kg.prosecutor", api.Now), api.Now));
        await api.Node.IncomingIn(incoming, "ExtensionProposedThere");

        await (await liaison.PostAsync($"/api/incoming/{incoming}/sign-extension")).ShouldBeAsync(HttpStatusCode.Accepted);

        (await api.Kg.Receives<JitExtensionSigned>(incoming)).EndsOn.Should().Be(NewEnd);
        await api.Node.IncomingIn(incoming, "AgreementInForce");
        (await api.Node.Incoming(incoming))!.JitEndsOn.Should().Be(NewEnd);
        await Eventually.Until(async () => (await api.Node.Clocks(incoming)).Count(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Running"), n => n == 1,
            TestTimeouts.Workflow, "one running clock, to the new end date");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new JitExtensionProposed(incoming, "KG", new LocalDate(2029, 1, 31), "More time", "kg.prosecutor", api.Now.Plus(Duration.FromMinutes(1))), api.Now));
        await api.Node.IncomingIn(incoming, "ExtensionProposedThere");
        await (await liaison.PostAsync($"/api/incoming/{incoming}/decline-extension", new { reasons = "Our members are needed elsewhere." }))
            .ShouldBeAsync(HttpStatusCode.Accepted);

        (await api.Kg.Receives<JitExtensionDeclined>(incoming)).Reasons.Should().Be("Our members are needed elsewhere.");
        await api.Node.IncomingIn(incoming, "AgreementInForce");
        (await api.Node.Incoming(incoming))!.JitEndsOn.Should().Be(NewEnd, "declined: unchanged");
        (await api.Timeline(incoming)).Should().ContainSingle(e => e.Action == "JIT agreement extension declined: the agreement is unchanged");
    }

    [Fact]
    public async Task Proposals_that_cross_both_lapse_and_the_agreement_is_unchanged()
    {
        var (id, branch) = await InForceWithKg();
        var prosecutor = await api.As(Prosecutor);
        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/propose-jit-extension", new { endsOn = "2028-06-30", reasons = Reasons }))
            .ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.BranchIn(branch, "ExtensionProposedHere");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new JitExtensionProposed(branch, "KG", new LocalDate(2028, 3, 31), "Three more months", "kg.liaison", api.Now), api.Now));

        await api.Node.BranchIn(branch, "AgreementInForce");
        var state = (await api.Node.Branch(branch))!;
        state.JitEndsOn.Should().BeNull();
        state.ProposedJitEndsOn.Should().BeNull();
        (await api.Timeline(id)).Should().ContainSingle(e => e.Action == "JIT agreement extensions crossed: neither applies");
        (await api.Node.Clocks(id)).Where(c => c.Kind == ClockKind.JitPeriod).Should().ContainSingle(c => c.CurrentState == "Running");
    }

    [Fact]
    public async Task Bad_input_names_the_field_a_supervisor_may_not_propose_another_office_does_not_see_it_and_nothing_is_sent()
    {
        var (id, branch) = await InForceWithKg();
        var prosecutor = await api.As(Prosecutor);
        var outbox = await api.OutboxHighWater();
        var path = $"/api/requests/{id}/targets/KG/propose-jit-extension";

        var earlier = await prosecutor.PostAsync(path, new { endsOn = "2027-06-30", reasons = Reasons });
        var noReasons = await prosecutor.PostAsync(path, new { endsOn = "2028-06-30", reasons = "" });
        var noDate = await prosecutor.PostAsync(path, new { reasons = Reasons });
        var supervisor = await (await api.As(Supervisor)).PostAsync(path, new { endsOn = "2028-06-30", reasons = Reasons });
        var otherOffice = await (await api.As(OtherOfficeProsecutor)).PostAsync(path, new { endsOn = "2028-06-30", reasons = Reasons });
        var sign = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/sign-jit-extension");

        (await earlier.ErrorFieldsAsync()).Should().Equal("endsOn");
        (await noReasons.ErrorFieldsAsync()).Should().Equal("reasons");
        (await noDate.ErrorFieldsAsync()).Should().Equal("endsOn");
        await supervisor.ShouldBeAsync(HttpStatusCode.Forbidden);
        await otherOffice.ShouldBeAsync(HttpStatusCode.NotFound);
        await sign.ShouldBeConflictAsync("sign-jit-extension", "AgreementInForce");
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("AgreementInForce");
    }

    [Fact]
    public async Task A_prosecutor_may_not_propose_for_the_requested_side()
    {
        var incoming = await IncomingInForce();
        var response = await (await api.As(Prosecutor)).PostAsync($"/api/incoming/{incoming}/propose-extension", new { endsOn = "2028-06-30", reasons = Reasons });
        await response.ShouldBeAsync(HttpStatusCode.Forbidden);
        await api.Settled();
        api.Kg.About(incoming).OfType<JitExtensionProposed>().Should().BeEmpty();
    }

    [Fact]
    public async Task A_proposal_sent_again_with_the_same_key_is_sent_once_and_a_second_one_is_a_conflict()
    {
        var (id, branch) = await InForceWithKg();
        var prosecutor = await api.As(Prosecutor);
        var key = Guid.NewGuid().ToString();
        var path = $"/api/requests/{id}/targets/KG/propose-jit-extension";

        var first = await Send(prosecutor, path, key);
        var again = await Send(prosecutor, path, key);
        await api.Node.BranchIn(branch, "ExtensionProposedHere");
        var another = await prosecutor.PostAsync(path, new { endsOn = "2028-09-30", reasons = Reasons });

        await first.ShouldBeAsync(HttpStatusCode.Accepted);
        await again.ShouldBeAsync(HttpStatusCode.Accepted);
        await another.ShouldBeConflictAsync("propose-jit-extension", "ExtensionProposedHere");
        await api.Settled();
        api.Kg.About(branch).OfType<JitExtensionProposed>().Should().ContainSingle();
    }

    [Fact]
    public async Task A_proposal_a_third_country_sends_for_KG_s_branch_is_quarantined_and_nothing_is_applied()
    {
        var (id, branch) = await InForceWithKg();
        var envelope = TestEnvelopes.Signed("UZ", "KZ", new JitExtensionProposed(branch, "UZ", NewEnd, Reasons, "uz.prosecutor", api.Now), api.Now);

        await TestEnvelopes.DeliverAsync(api.Node, envelope);

        await Eventually.Until(() => api.Node.Query(db => db.QuarantinedMessages.AnyAsync(q => q.MessageId == envelope.MessageId)), q => q,
            TestTimeouts.Workflow, "the proposal to be quarantined");
        await api.Settled();
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("AgreementInForce");
        (await api.Timeline(id)).Should().NotContain(e => e.Action == "JIT agreement extension proposed");
    }

    [Fact]
    public async Task The_request_page_offers_the_proposal_in_Russian_takes_it_and_shows_the_extended_end_date_in_English()
    {
        var (id, branch) = await InForceWithKg();
        var browser = await Browser(Prosecutor);
        var russian = await Page(browser, $"/Requests/{id}", "ru");
        russian.Should().Contain("data-step-form=\"propose-jit-extension\"").And.Contain("Предложить этой стране продлить соглашение о СГР");

        var posted = await browser.PostAsync("/Steps", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Subject"] = "branch", ["Form.Id"] = id.ToString(), ["Form.Country"] = "KG", ["Form.Route"] = "propose-jit-extension",
            ["Form.Text"] = Reasons, ["Form.Until"] = "2028-06-30", ["Form.ReturnUrl"] = $"/Requests/{id}", ["__RequestVerificationToken"] = Token(russian),
        }));

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await api.Kg.Receives<JitExtensionProposed>(branch)).EndsOn.Should().Be(NewEnd);
        await api.Node.BranchIn(branch, "ExtensionProposedHere");
        (await Page(browser, $"/Requests/{id}", "ru")).Should().Contain("Предложено продление соглашения о СГР");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitExtensionSigned(branch, "KG", NewEnd, "kg.liaison", api.Now), api.Now));
        await api.Node.BranchIn(branch, "AgreementInForce");
        (await Page(browser, $"/Requests/{id}", "en")).Should().Contain("extended to <time>2028-06-30</time>")
            .And.Contain("JIT agreement extension signed: in force");
    }

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
        await Eventually.Until(async () => (await api.Node.Clocks(incoming)).Any(c => c.Kind == ClockKind.JitPeriod), r => r, TestTimeouts.Workflow, "the period clock");
        await api.Settled();
        return incoming;
    }

    static Task<HttpResponseMessage> Send(NodeApi user, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(new { endsOn = "2028-06-30", reasons = Reasons }, options: RequestContentJson.Options),
        };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
