using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Contracts.Parts;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Consultation before refusal or postponement and acceptance under conditions (UNTOC Art. 18(26)) through the API, on both sides:
/// KZ as the requested country consults KG and accepts under conditions; KZ as the requesting country answers KG's consultation
/// (accept, supply, withdraw) and keeps the conditions of KG's acceptance. KG's side is the signed messages it sends and receives.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_consultation_is_held(ApiNode api) : IClassFixture<ApiNode>
{
    static readonly object Conditions = new
    {
        purpose = "Conditions", reasons = "The witness is under protection here",
        conditions = new[] { new { kind = "Confidentiality", text = "The witness's name is not disclosed to the defence before trial" } },
    };

    [Fact]
    public async Task KZ_consults_KG_on_conditions_KG_accepts_and_KZ_accepts_under_them()
    {
        var incoming = await api.CaseIn("Assigned");
        var liaison = await api.As(Liaison);

        await (await liaison.PostAsync($"/api/incoming/{incoming}/consult", Conditions)).ShouldBeAsync(HttpStatusCode.Accepted);

        var opened = await api.Kg.Receives<ConsultationOpened>(incoming);
        opened.Should().Match<ConsultationOpened>(o => o.Purpose == "Conditions" && o.Conditions.Single().Kind == "Confidentiality" && o.Node == "KZ");
        await api.Settled();
        (await api.Node.Incoming(incoming))!.CurrentState.Should().Be("InConsultation");
        Steps(await liaison.GetAsync($"/api/incoming/{incoming}")).Should().Contain("refuse").And.NotContain(["accept", "accept-under-conditions", "consult"]);

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new ConsultationAnswered(incoming, "KG", opened.ConsultationId, "Accepted", "Agreed", "kg.prosecutor", api.Now), api.Now));
        await Eventually.Until(async () => (await api.Node.Incoming(incoming))!.CurrentState, s => s == "Assigned", TestTimeouts.Workflow,
            "KG's acceptance to return the case to recognition");
        (await liaison.GetAsync($"/api/incoming/{incoming}/consultations"))[0].GetProperty("decision").GetString().Should().Be("Accepted");

        var accepted = await liaison.PostAsync($"/api/incoming/{incoming}/accept-under-conditions",
            new { conditions = new[] { new { kind = "Confidentiality", text = "The witness's name is not disclosed" }, new { kind = "CostsBorneByRequestingParty", text = "The interpreter" } } });

        await accepted.ShouldBeAsync(HttpStatusCode.Accepted);
        var sent = await api.Kg.Receives<IncomingRequestAcceptedUnderConditions>(incoming);
        sent.Conditions.Select(c => c.Kind).Should().Equal("Confidentiality", "CostsBorneByRequestingParty");
        await api.Settled();
        (await api.Node.Incoming(incoming))!.CurrentState.Should().Be("InExecution", "the case runs as an accepted one");
        (await liaison.GetAsync($"/api/incoming/{incoming}")).GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("kind").GetString())
            .Should().Equal("Confidentiality", "CostsBorneByRequestingParty");
        (await api.Timeline(incoming)).Select(e => e.Action).Should().ContainInOrder("Consultation opened before a decision (UNTOC Art. 18(26))",
            "Consultation answered: what was proposed is accepted", "Accepted under conditions; execution started");
    }

    [Fact]
    public async Task A_consultation_on_an_intended_refusal_never_blocks_the_refusal()
    {
        var incoming = await api.CaseIn("Assigned");
        var liaison = await api.As(Liaison);
        await (await liaison.PostAsync($"/api/incoming/{incoming}/consult",
            new { purpose = "IntendedRefusal", grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "Not an offence here as described" })).ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Settled();

        var refused = await liaison.PostAsync($"/api/incoming/{incoming}/refuse", new { grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "No answer came" });

        await refused.ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Settled();
        (await api.Node.Incoming(incoming))!.CurrentState.Should().Be("RefusalProposed");
    }

    [Fact]
    public async Task Only_a_liaison_officer_consults_with_reasons_grounds_and_conditions_as_the_purpose_needs_and_a_repeat_is_sent_once()
    {
        var incoming = await api.CaseIn("Assigned");
        var liaison = await api.As(Liaison);
        var outbox = await api.OutboxHighWater();

        var prosecutor = await (await api.As(Prosecutor)).PostAsync($"/api/incoming/{incoming}/consult", Conditions);
        var noGrounds = await liaison.PostAsync($"/api/incoming/{incoming}/consult", new { purpose = "IntendedRefusal", reasons = " " });
        var fiscal = await liaison.PostAsync($"/api/incoming/{incoming}/consult", new { purpose = "IntendedPostponement", grounds = new[] { "FISCAL" }, reasons = "x" });
        var noConditions = await liaison.PostAsync($"/api/incoming/{incoming}/accept-under-conditions", new { conditions = Array.Empty<object>() });

        await prosecutor.ShouldBeAsync(HttpStatusCode.Forbidden);
        (await noGrounds.ErrorFieldsAsync()).Should().BeEquivalentTo("grounds", "reasons");
        (await fiscal.ErrorFieldsAsync()).Should().Equal("grounds");
        (await noConditions.ErrorFieldsAsync()).Should().Equal("conditions");
        (await api.OutboxHighWater()).Should().Be(outbox, "nothing changed");

        var key = Guid.NewGuid().ToString();
        await (await Send(liaison, $"/api/incoming/{incoming}/consult", Conditions, key)).ShouldBeAsync(HttpStatusCode.Accepted);
        await (await Send(liaison, $"/api/incoming/{incoming}/consult", Conditions, key)).ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Settled();
        api.Kg.About(incoming).OfType<ConsultationOpened>().Should().ContainSingle();
        (await liaison.GetAsync($"/api/incoming/{incoming}/consultations")).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task KG_s_consultation_is_the_requesting_office_s_task_and_its_acceptance_goes_back_and_KG_s_conditions_are_shown()
    {
        var (id, branch) = await api.BranchIn("UnderRecognition");
        var consultation = await Consulted(branch);
        var prosecutor = await api.As(Prosecutor);
        (await prosecutor.GetAsync("/api/inbox")).EnumerateArray().Should().ContainSingle(t => t.GetProperty("subjectId").GetGuid() == id
            && t.GetProperty("task").GetString() == "Answer the requested country's consultation before it refuses or postpones");
        Steps(Target(await prosecutor.GetAsync($"/api/requests/{id}"))).Should().Contain(["accept-consultation", "answer-consultation", "withdraw-country"]);
        (await prosecutor.GetAsync($"/api/requests/{id}/targets/KG/consultations"))[0].GetProperty("purpose").GetString().Should().Be("IntendedPostponement");

        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/accept-consultation", new { note = "We agree to wait" })).ShouldBeAsync(HttpStatusCode.Accepted);

        var answer = await api.Kg.Receives<ConsultationAnswered>(branch);
        answer.Should().Match<ConsultationAnswered>(a => a.ConsultationId == consultation && a.Decision == "Accepted" && a.Answer == "We agree to wait");
        await api.Settled();
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("UnderRecognition");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new IncomingRequestAcceptedUnderConditions(branch, "KG",
            [new AgreedCondition("UseLimitedToProceedings", "Only in the case stated in the request")], null, "kg.liaison", api.Now), api.Now));
        await Eventually.Until(async () => (await api.Node.Branch(branch))!.CurrentState, s => s == "InExecution", TestTimeouts.Workflow, "KG's acceptance");
        Target(await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("conditions")[0].GetProperty("text").GetString()
            .Should().Be("Only in the case stated in the request");
    }

    [Fact]
    public async Task The_requesting_office_supplies_what_is_missing_with_an_answer_or_withdraws_and_a_supervisor_may_not_answer()
    {
        var (id, branch) = await api.BranchIn("UnderRecognition");
        await Consulted(branch);
        var prosecutor = await api.As(Prosecutor);

        var supervisor = await (await api.As(Supervisor)).PostAsync($"/api/requests/{id}/targets/KG/answer-consultation", new { answer = "x" });
        var otherOffice = await (await api.As(OtherOfficeProsecutor)).PostAsync($"/api/requests/{id}/targets/KG/answer-consultation", new { answer = "x" });
        var empty = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/answer-consultation", new { answer = "  " });
        await supervisor.ShouldBeAsync(HttpStatusCode.Forbidden);
        await otherOffice.ShouldBeAsync(HttpStatusCode.NotFound);
        (await empty.ErrorFieldsAsync()).Should().Equal("answer");

        await (await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/answer-consultation", new { answer = "The trial is in our own case only" }))
            .ShouldBeAsync(HttpStatusCode.Accepted);
        (await api.Kg.Receives<ConsultationAnswered>(branch)).Decision.Should().Be("Supplied");

        var (other, otherBranch) = await api.BranchIn("UnderRecognition");
        await Consulted(otherBranch);
        await (await prosecutor.PostAsync($"/api/requests/{other}/targets/KG/withdraw-country", new { reason = "We cannot accept a postponement" }))
            .ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Kg.Receives<RequestWithdrawn>(otherBranch);
        await api.Settled();
        (await api.Node.Branch(otherBranch))!.CurrentState.Should().Be("Withdrawn");
    }

    [Fact]
    public async Task A_consultation_or_an_answer_a_peer_may_not_send_is_quarantined_and_nothing_is_applied()
    {
        var incoming = await api.CaseIn("Assigned");
        var (_, branch) = await api.BranchIn("UnderRecognition");
        var wrongWay = TestEnvelopes.Signed("KG", "KZ", new ConsultationOpened(incoming, "KG", Guid.NewGuid(), "Conditions", [],
            [new AgreedCondition("Other", "x")], "x", "kg.liaison", api.Now), api.Now);
        var notItsBranch = TestEnvelopes.Signed("UZ", "KZ", new ConsultationOpened(branch, "UZ", Guid.NewGuid(), "IntendedRefusal", ["SOVEREIGNTY"], [], "x",
            "uz.liaison", api.Now), api.Now);

        await TestEnvelopes.DeliverAsync(api.Node, wrongWay);
        await TestEnvelopes.DeliverAsync(api.Node, notItsBranch);

        foreach (var envelope in new[] { wrongWay, notItsBranch })
            await Eventually.Until(() => api.Node.Query(db => db.QuarantinedMessages.AnyAsync(q => q.MessageId == envelope.MessageId)), q => q,
                TestTimeouts.Workflow, "the consultation to be quarantined");
        (await api.Node.Query(db => db.Consultations.CountAsync(c => c.BranchId == incoming || c.BranchId == branch))).Should().Be(0);
        (await api.Node.Incoming(incoming))!.CurrentState.Should().Be("Assigned");
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("UnderRecognition");
    }

    async Task<Guid> Consulted(Guid branch)
    {
        var id = Guid.NewGuid();
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new ConsultationOpened(branch, "KG", id, "IntendedPostponement",
            ["ONGOING_INVESTIGATION"], [], "The same bank is searched in our own case", "kg.liaison", api.Now), api.Now));
        await Eventually.Until(async () => (await api.Node.Branch(branch))!.CurrentState, s => s == "InConsultation", TestTimeouts.Workflow, "KG's consultation");
        return id;
    }

    static IEnumerable<string?> Steps(JsonElement subject) => subject.GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString());

    static JsonElement Target(JsonElement request) =>
        request.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("country").GetString() == "KG");

    static Task<HttpResponseMessage> Send(NodeApi user, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: RequestContentJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
