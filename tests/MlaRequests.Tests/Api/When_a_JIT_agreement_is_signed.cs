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
/// A joint investigation team proposal carries an agreement (UNTOC Art. 19): accepted, it waits for both parties' signatures
/// instead of running a 90-day execution clock; each party signs on its own node and its signature crosses to the other; in force,
/// a clock runs to the agreement's end date; a party's leader closes it with an evaluation the other party sees. KZ is this node,
/// KG the other party (a fake peer).
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_JIT_agreement_is_signed(ApiNode api) : IClassFixture<ApiNode>
{
    const string Evaluation = "The network was dismantled; 14 suspects charged in both countries.";

    [Fact]
    public async Task KZ_signs_KG_s_signature_puts_it_in_force_with_a_clock_to_its_end_date_and_KZ_s_leader_closes_it()
    {
        var (id, branch) = await JitBranchAccepted();
        (await api.Node.Clocks(id)).Should().NotContain(c => c.Kind == ClockKind.Execution, "a JIT is not executed within 90 days");
        var prosecutor = await api.As(Prosecutor);

        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/sign-jit")).ShouldBeAsync(HttpStatusCode.Accepted);

        (await api.Kg.Receives<JitAgreementSigned>(branch)).Should().Match<JitAgreementSigned>(s => s.Node == "KZ" && s.Actor == Prosecutor);
        await api.Node.BranchIn(branch, "AgreementSignedHere");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementSigned(branch, "KG", "kg.liaison", api.Now), api.Now));
        await api.Node.BranchIn(branch, "AgreementInForce");
        var clock = await Eventually.Until(async () => (await api.Node.Clocks(id)).SingleOrDefault(c => c.Kind == ClockKind.JitPeriod), c => c is not null,
            TestTimeouts.Workflow, "the period clock");
        clock!.DueAt.Should().Be(DateTimeZoneProviders.Tzdb[clock.TimeZone].AtStartOfDay(new LocalDate(2028, 1, 1)).ToInstant(),
            "the clock is due at the end of the agreement's last day");
        var page = await prosecutor.GetAsync($"/api/requests/{id}");
        page.GetProperty("targets").EnumerateArray().Single().GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString())
            .Should().Contain("close-jit").And.NotContain("sign-jit");

        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/close-jit", new { evaluation = Evaluation })).ShouldBeAsync(HttpStatusCode.Accepted);

        (await api.Kg.Receives<JitAgreementClosed>(branch)).Evaluation.Should().Be(Evaluation);
        await api.Node.BranchIn(branch, "AgreementClosed");
        await Eventually.Until(async () => (await api.Node.Clocks(id)).Single(c => c.Kind == ClockKind.JitPeriod).CurrentState, s => s == "Met",
            TestTimeouts.Workflow, "the period clock to stop");
        var timeline = await api.Timeline(id);
        timeline.Where(e => e.Action == "JIT agreement signed").Select(e => e.Actor).Should().BeEquivalentTo(Prosecutor, "kg.liaison (KG)");
        timeline.Should().ContainSingle(e => e.Action == "JIT agreement in force: every party signed" && e.Details == "Parties: KZ, KG");
        timeline.Should().ContainSingle(e => e.Action == "JIT agreement closed" && e.Details == Evaluation);
        await api.Node.RequestIn(id, "Completed");
    }

    [Fact]
    public async Task KZ_as_the_requested_party_accepts_signs_after_KG_and_sees_KG_s_closure_and_evaluation()
    {
        var incoming = await api.CaseIn("Assigned", JitFromKg());
        var liaison = await api.As(Liaison);
        await (await liaison.PostAsync($"/api/incoming/{incoming}/accept")).ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.IncomingIn(incoming, "AgreementAwaitingSignatures");
        await api.Settled();
        (await api.Node.Clocks(incoming)).Should().NotContain(c => c.Kind == ClockKind.Execution && c.CurrentState == "Running");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementSigned(incoming, "KG", "kg.prosecutor", api.Now), api.Now));
        await api.Node.IncomingIn(incoming, "AgreementSignedThere");

        await (await liaison.PostAsync($"/api/incoming/{incoming}/sign-agreement")).ShouldBeAsync(HttpStatusCode.Accepted);

        (await api.Kg.Receives<JitAgreementSigned>(incoming)).Node.Should().Be("KZ");
        await api.Node.IncomingIn(incoming, "AgreementInForce");
        await Eventually.Until(async () => (await api.Node.Clocks(incoming)).Any(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Running"), r => r,
            TestTimeouts.Workflow, "the period clock");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new JitAgreementClosed(incoming, "KG", Evaluation, "kg.prosecutor", api.Now), api.Now));
        await api.Node.IncomingIn(incoming, "AgreementClosed");
        (await api.Timeline(incoming)).Should().ContainSingle(e => e.Action == "JIT agreement closed" && e.Details == Evaluation && e.Actor == "kg.prosecutor (KG)");
    }

    [Fact]
    public async Task A_supervisor_may_not_sign_another_office_does_not_see_it_and_a_prosecutor_does_not_sign_for_the_requested_side()
    {
        var (id, branch) = await JitBranchAccepted();
        var incoming = await api.CaseIn("Assigned", JitFromKg());
        await (await (await api.As(Liaison)).PostAsync($"/api/incoming/{incoming}/accept")).ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Node.IncomingIn(incoming, "AgreementAwaitingSignatures");

        var supervisor = await (await api.As(Supervisor)).PostAsync($"/api/requests/{id}/targets/KG/sign-jit");
        var otherOffice = await (await api.As(OtherOfficeProsecutor)).PostAsync($"/api/requests/{id}/targets/KG/sign-jit");
        var prosecutorOnIncoming = await (await api.As(Prosecutor)).PostAsync($"/api/incoming/{incoming}/sign-agreement");

        await supervisor.ShouldBeAsync(HttpStatusCode.Forbidden);
        await otherOffice.ShouldBeAsync(HttpStatusCode.NotFound);
        await prosecutorOnIncoming.ShouldBeAsync(HttpStatusCode.Forbidden);
        await api.Settled();
        api.Kg.About(branch).OfType<JitAgreementSigned>().Should().BeEmpty();
        api.Kg.About(incoming).OfType<JitAgreementSigned>().Should().BeEmpty();
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("AgreementAwaitingSignatures");
    }

    [Fact]
    public async Task A_decline_without_reasons_and_a_closure_without_evaluation_name_the_field_and_change_nothing()
    {
        var (id, branch) = await JitBranchAccepted();
        var prosecutor = await api.As(Prosecutor);
        var outbox = await api.OutboxHighWater();

        var decline = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/decline-jit", new { reasons = " " });
        var close = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/close-jit", new { evaluation = "" });

        (await decline.ErrorFieldsAsync()).Should().Equal("reasons");
        await close.ShouldBeConflictAsync("close-jit", "AgreementAwaitingSignatures");
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("AgreementAwaitingSignatures");
    }

    [Fact]
    public async Task A_signature_sent_again_with_the_same_key_is_sent_once_and_a_second_signature_is_a_conflict()
    {
        var (id, branch) = await JitBranchAccepted();
        var prosecutor = await api.As(Prosecutor);
        var key = Guid.NewGuid().ToString();

        var first = await Send(prosecutor, $"/api/requests/{id}/targets/KG/sign-jit", key);
        var again = await Send(prosecutor, $"/api/requests/{id}/targets/KG/sign-jit", key);
        await api.Node.BranchIn(branch, "AgreementSignedHere");
        var another = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/sign-jit");

        await first.ShouldBeAsync(HttpStatusCode.Accepted);
        await again.ShouldBeAsync(HttpStatusCode.Accepted);
        await another.ShouldBeConflictAsync("sign-jit", "AgreementSignedHere");
        await api.Settled();
        api.Kg.About(branch).OfType<JitAgreementSigned>().Should().ContainSingle();
    }

    [Fact]
    public async Task KG_declining_ends_the_agreement_with_KG_and_the_request_completes()
    {
        var (id, branch) = await JitBranchAccepted();

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new JitAgreementDeclined(branch, "KG", "Our own investigation covers the network.", "kg.liaison", api.Now), api.Now));

        await api.Node.BranchIn(branch, "AgreementDeclined");
        await api.Node.RequestIn(id, "Completed");
        (await api.Timeline(id)).Should().ContainSingle(e => e.Action == "JIT agreement declined" && e.Details == "Our own investigation covers the network.");
    }

    [Fact]
    public async Task A_signature_a_third_country_signs_for_KG_s_branch_is_quarantined_and_nothing_is_applied()
    {
        var (id, branch) = await JitBranchAccepted();
        var envelope = TestEnvelopes.Signed("UZ", "KZ", new JitAgreementSigned(branch, "UZ", "uz.prosecutor", api.Now), api.Now);

        await TestEnvelopes.DeliverAsync(api.Node, envelope);

        await Eventually.Until(() => api.Node.Query(db => db.QuarantinedMessages.AnyAsync(q => q.MessageId == envelope.MessageId)), q => q,
            TestTimeouts.Workflow, "the signature to be quarantined");
        await api.Settled();
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("AgreementAwaitingSignatures");
        (await api.Timeline(id)).Should().NotContain(e => e.Action == "JIT agreement signed");
    }

    [Fact]
    public async Task A_JIT_the_previous_release_left_in_execution_goes_on_as_a_request_and_offers_no_signature()
    {
        var (id, branch) = await JitBranchAccepted(acceptedByKg: false);
        // The previous release accepted a JIT proposal like any request: the branch in execution, its 90-day clock running.
        await api.Node.Query(db => db.BranchWorkflows.Where(b => b.CorrelationId == branch)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.CurrentState, "InExecution")));
        var prosecutor = await api.As(Prosecutor);
        (await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("targets").EnumerateArray().Single().GetProperty("allowedSteps")
            .EnumerateArray().Select(s => s.GetString()).Should().NotContain("sign-jit");

        await api.Node.Bus.Publish(new ExecutionRecorded(branch, "KG", false, "The leaders met; first evidence exchanged.", "kg.liaison", api.Now));

        await api.Node.BranchIn(branch, "PartiallyExecuted");
        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/sign-jit")).ShouldBeConflictAsync("sign-jit", "PartiallyExecuted");
    }

    /// <summary>A JIT proposal to KG, approved, which KG registered, assigned and (unless told otherwise) accepted.</summary>
    async Task<(Guid Id, Guid Branch)> JitBranchAccepted(bool acceptedByKg = true)
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
        if (acceptedByKg)
        {
            await api.Node.Bus.Publish(new IncomingRequestAccepted(branch, "KG", null, "kg.liaison", api.Now));
            await api.Node.BranchIn(branch, "AgreementAwaitingSignatures");
        }
        await api.Settled();
        return (id, branch);
    }

    static RequestContent JitFromKg()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        content.Kind = RequestKind.JointInvestigationTeam;
        content.Jit = TestContent.JitAgreement(["KZ"]);
        return content;
    }

    static Task<HttpResponseMessage> Send(NodeApi user, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }, options: RequestContentJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
