using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Status enquiries (UNTOC Art. 18(24)) through the API: the requesting prosecutor or a liaison officer asks about one branch, KG's
/// node receives it; on KZ as the requested country an enquiry from KG is a liaison officer's task until it is answered, once, and
/// the answer goes back to KG. Question and answer are on the timeline and in the enquiry lists of both sides.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_status_enquiry_is_sent(ApiNode api) : IClassFixture<ApiNode>
{
    const string Question = "Our trial opens on 1 June: has the witness been heard yet?";

    [Fact]
    public async Task The_prosecutor_s_enquiry_reaches_KG_and_KG_s_answer_is_kept_and_the_branch_status_stays()
    {
        var (id, branch) = await api.BranchIn("UnderRecognition");
        var prosecutor = await api.As(Prosecutor);
        Target(await prosecutor.GetAsync($"/api/requests/{id}")).GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString())
            .Should().Contain(["enquire", "withdraw-country"]);

        var response = await prosecutor.PostAsync($"/api/requests/{id}/targets/KG/enquire", new { question = Question });

        await response.ShouldBeAsync(HttpStatusCode.Accepted);
        var sent = await api.Kg.Receives<StatusEnquirySent>(branch);
        sent.Should().Match<StatusEnquirySent>(e => e.Question == Question && e.Node == "KZ" && !e.Automatic && e.Actor == Prosecutor);
        await api.Settled();
        var listed = (await prosecutor.GetAsync($"/api/requests/{id}/targets/KG/enquiries")).EnumerateArray().ToList();
        listed.Should().ContainSingle().Which.GetProperty("answer").ValueKind.Should().Be(JsonValueKind.Null);

        await api.Node.Bus.Publish(new StatusEnquiryAnswered(branch, "KG", sent.EnquiryId, "The hearing is set for 20 May.", "kg.liaison", api.Now));
        await Eventually.Until(async () => (await prosecutor.GetAsync($"/api/requests/{id}/targets/KG/enquiries"))[0].GetProperty("answer").GetString(),
            a => a == "The hearing is set for 20 May.", TestTimeouts.Workflow, "KG's answer to be kept");

        (await api.Node.Branch(branch))!.CurrentState.Should().Be("UnderRecognition", "an enquiry changes no status");
        var timeline = await api.Timeline(id);
        timeline.Should().ContainSingle(e => e.Action == "Status enquiry sent" && e.Country == "KG" && e.Details == Question && e.Actor == Prosecutor);
        timeline.Should().ContainSingle(e => e.Action == "Status enquiry answered" && e.Actor == "kg.liaison (KG)");
    }

    [Fact]
    public async Task A_liaison_officer_may_enquire_too_but_not_a_supervisor_and_another_office_does_not_see_the_request()
    {
        var (id, branch) = await api.BranchIn("Acknowledged");

        await (await (await api.As(Liaison)).PostAsync($"/api/requests/{id}/targets/KG/enquire", new { question = Question })).ShouldBeAsync(HttpStatusCode.Accepted);
        var supervisor = await (await api.As(Supervisor)).PostAsync($"/api/requests/{id}/targets/KG/enquire", new { question = Question });
        var otherOffice = await (await api.As(OtherOfficeProsecutor)).PostAsync($"/api/requests/{id}/targets/KG/enquire", new { question = Question });

        await supervisor.ShouldBeAsync(HttpStatusCode.Forbidden);
        await otherOffice.ShouldBeAsync(HttpStatusCode.NotFound);
        await api.Settled();
        api.Kg.About(branch).OfType<StatusEnquirySent>().Should().ContainSingle("only the liaison officer's enquiry was sent");
    }

    [Fact]
    public async Task An_enquiry_without_a_question_is_refused_naming_question_and_nothing_is_sent()
    {
        var (id, branch) = await api.BranchIn("InExecution");
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/targets/KG/enquire", new { question = "  " });

        (await response.ErrorFieldsAsync()).Should().Equal("question");
        (await api.OutboxHighWater()).Should().Be(outbox);
        await api.Settled();
        api.Kg.About(branch).OfType<StatusEnquirySent>().Should().BeEmpty();
    }

    [Fact]
    public async Task An_enquiry_sent_again_with_the_same_idempotency_key_is_sent_once()
    {
        var (id, branch) = await api.BranchIn("Acknowledged");
        var prosecutor = await api.As(Prosecutor);
        var key = Guid.NewGuid().ToString();

        var first = await Send(prosecutor, $"/api/requests/{id}/targets/KG/enquire", new { question = Question }, key);
        var again = await Send(prosecutor, $"/api/requests/{id}/targets/KG/enquire", new { question = Question }, key);

        await first.ShouldBeAsync(HttpStatusCode.Accepted);
        await again.ShouldBeAsync(HttpStatusCode.Accepted);
        await api.Settled();
        api.Kg.About(branch).OfType<StatusEnquirySent>().Should().ContainSingle();
        (await prosecutor.GetAsync($"/api/requests/{id}/targets/KG/enquiries")).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task No_enquiry_is_sent_on_a_branch_that_finished()
    {
        var (id, branch) = await api.BranchIn("Completed");

        var response = await (await api.As(Prosecutor)).PostAsync($"/api/requests/{id}/targets/KG/enquire", new { question = Question });

        await response.ShouldBeConflictAsync("enquire", "Completed");
        api.Kg.About(branch).OfType<StatusEnquirySent>().Should().BeEmpty();
    }

    [Fact]
    public async Task An_enquiry_from_KG_is_a_liaison_officer_s_task_until_it_is_answered_once_and_the_answer_goes_to_KG()
    {
        var incoming = await api.CaseIn("Assigned");
        var enquiryId = Guid.NewGuid();
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new StatusEnquirySent(incoming, "KG", enquiryId, Question, false, "kg.prosecutor", api.Now), api.Now));
        var liaison = await api.As(Liaison);
        await Eventually.Until(async () => (await liaison.GetAsync($"/api/incoming/{incoming}/enquiries")).GetArrayLength(), n => n == 1,
            TestTimeouts.Workflow, "KG's enquiry to be kept");
        (await liaison.GetAsync("/api/inbox")).EnumerateArray()
            .Should().ContainSingle(t => t.GetProperty("subjectId").GetGuid() == incoming && t.GetProperty("task").GetString() == "Answer the status enquiry" && t.GetProperty("country").GetString() == "KG");

        var answered = await liaison.PostAsync($"/api/incoming/{incoming}/answer-enquiry", new { enquiryId, answer = "The hearing is set for 20 May." });
        await answered.ShouldBeAsync(HttpStatusCode.Accepted);
        var back = await api.Kg.Receives<StatusEnquiryAnswered>(incoming);
        back.Should().Match<StatusEnquiryAnswered>(a => a.EnquiryId == enquiryId && a.Answer == "The hearing is set for 20 May." && a.Node == "KZ");
        await api.Settled();

        (await liaison.GetAsync("/api/inbox")).EnumerateArray()
            .Should().NotContain(t => t.GetProperty("task").GetString() == "Answer the status enquiry" && t.GetProperty("subjectId").GetGuid() == incoming);
        var again = await liaison.PostAsync($"/api/incoming/{incoming}/answer-enquiry", new { enquiryId, answer = "Again." });
        (await again.ErrorFieldsAsync()).Should().Equal("enquiryId");
        await api.Settled();
        api.Kg.About(incoming).OfType<StatusEnquiryAnswered>().Should().ContainSingle("each enquiry is answered once");
        (await api.Node.Incoming(incoming))!.CurrentState.Should().Be("Assigned");
        (await api.Timeline(incoming)).Select(e => e.Action).Should().ContainInOrder("Status enquiry received", "Status enquiry answered");
    }

    [Fact]
    public async Task An_answer_names_its_fields_an_unknown_enquiry_and_is_for_liaison_officers_only()
    {
        var incoming = await api.CaseIn("Registered");
        var liaison = await api.As(Liaison);

        var unknown = await liaison.PostAsync($"/api/incoming/{incoming}/answer-enquiry", new { enquiryId = Guid.NewGuid(), answer = "Progressing." });
        var empty = await liaison.PostAsync($"/api/incoming/{incoming}/answer-enquiry", new { });
        var prosecutor = await (await api.As(Prosecutor)).PostAsync($"/api/incoming/{incoming}/answer-enquiry", new { enquiryId = Guid.NewGuid(), answer = "x" });

        (await unknown.ErrorFieldsAsync()).Should().Equal("enquiryId");
        (await empty.ErrorFieldsAsync()).Should().BeEquivalentTo("enquiryId", "answer");
        await prosecutor.ShouldBeAsync(HttpStatusCode.Forbidden);
        api.Kg.About(incoming).OfType<StatusEnquiryAnswered>().Should().BeEmpty();
    }

    [Fact]
    public async Task An_enquiry_another_country_signs_for_KG_s_case_is_quarantined_and_kept_nowhere()
    {
        var incoming = await api.CaseIn("Registered");
        var envelope = TestEnvelopes.Signed("UZ", "KZ", new StatusEnquirySent(incoming, "UZ", Guid.NewGuid(), "Status?", false, "uz.prosecutor", api.Now), api.Now);

        await TestEnvelopes.DeliverAsync(api.Node, envelope);

        await Eventually.Until(() => api.Node.Query(db => db.QuarantinedMessages.AnyAsync(q => q.MessageId == envelope.MessageId)), q => q,
            TestTimeouts.Workflow, "the enquiry to be quarantined");
        (await api.Node.Query(db => db.StatusEnquiries.CountAsync(e => e.BranchId == incoming))).Should().Be(0);
        (await api.Timeline(incoming)).Should().NotContain(e => e.Action == "Status enquiry received");
    }

    static JsonElement Target(JsonElement request) =>
        request.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("country").GetString() == "KG");

    static Task<HttpResponseMessage> Send(NodeApi user, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: RequestContentJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
