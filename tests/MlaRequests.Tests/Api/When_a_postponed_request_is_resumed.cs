using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Shared;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// The end of a postponement (UNTOC Art. 18(25)) on both nodes: KZ's liaison officer resumes a case KG asked for, which goes
/// back to recognition with a fresh recognition clock and tells KG; on KZ's own request, KG's resumption takes the branch out
/// of Postponed. Also: a supervisor sends a proposed refusal of one measure back.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_postponed_request_is_resumed(ApiNode api) : IClassFixture<ApiNode>
{
    const string Reasons = "Our own trial ended on 1 December.";
    const string Executor = "kz.executor";
    const string Supervisor = "kz.supervisor";

    [Fact]
    public async Task The_case_returns_to_recognition_with_a_fresh_clock_and_KG_is_told()
    {
        var id = await api.CaseIn("Postponed");
        (await api.Node.Clocks(id)).Should().NotContain(c => c.CurrentState == "Running" && c.Kind != ClockKind.Postponement,
            "the postponement cancelled the clocks; only the one on its end date runs");
        var liaison = await api.As(Liaison);
        (await liaison.GetAsync($"/api/incoming/{id}")).GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()).Should().Contain("resume");
        var audit = await AuditCount();

        await liaison.StepAsync($"/api/incoming/{id}/resume", new { reasons = Reasons });

        var told = await api.Kg.Receives<IncomingRequestResumed>(id);
        told.Should().Match<IncomingRequestResumed>(m => m.Reasons == Reasons && m.Actor == Liaison && m.Node == "KZ");
        await api.Node.IncomingIn(id, "Assigned");
        await api.Settled();
        var running = await Eventually.Until(() => api.Node.Clocks(id),
            cs => cs.Any(c => c.CurrentState == "Running" && c.Kind == ClockKind.Recognition) && !cs.Any(c => c.CurrentState == "Running" && c.Kind == ClockKind.Postponement),
            TestTimeouts.Workflow, "the recognition clock to run again and the end-date clock to stop");
        running.Where(c => c.CurrentState == "Running").Should().ContainSingle().Which.Should()
            .Match<MlaRequests.Workflows.Deadlines.DeadlineClockState>(c => c.Kind == ClockKind.Recognition && c.StartedAt == api.Now);
        (await api.Timeline(id)).Should().ContainSingle(e => e.Action == TimelineTexts.Resumed.Format())
            .Which.Should().Match<Domain.Timeline.TimelineEntry>(e => e.Actor == Liaison && e.Details == Reasons && e.Status == "Assigned");
        (await AuditCount()).Should().Be(audit + 1, "the step is in the audit log");
    }

    [Fact]
    public async Task A_case_postponed_by_the_previous_release_is_resumed_the_same_way()
    {
        var id = await api.CaseIn("Postponed");
        // The previous release's row: nothing but the state and the ids it had; no clock ran while it was postponed.
        await api.Node.Query(db => db.IncomingCaseWorkflows.Where(w => w.CorrelationId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.RecognitionClockId, (Guid?)null).SetProperty(w => w.RefusalProposedBy, (string?)null)
                .SetProperty(w => w.RefusalProposedFrom, (string?)null).SetProperty(w => w.PostponedFrom, (string?)null)
                .SetProperty(w => w.PostponementClockId, (Guid?)null)));
        await api.Node.Query(db => db.Clocks.Where(c => c.SubjectId == id && c.Kind == ClockKind.Postponement).ExecuteDeleteAsync());

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/resume", new { reasons = Reasons });

        await api.Kg.Receives<IncomingRequestResumed>(id);
        await api.Node.IncomingIn(id, "Assigned");
        await api.Settled();
        var resumed = (await api.Node.Incoming(id))!;
        resumed.RecognitionClockId.Should().NotBeNull();
        (await api.Node.Clocks(id)).Should().ContainSingle(c => c.CurrentState == "Running").Which.Kind.Should().Be(ClockKind.Recognition);
    }

    [Fact]
    public async Task Only_a_liaison_officer_resumes_and_only_a_postponed_case()
    {
        var id = await api.CaseIn("Postponed");
        var assigned = await api.CaseIn("Assigned");
        var outbox = await api.OutboxHighWater();

        (await (await api.As(Supervisor)).PostAsync($"/api/incoming/{id}/resume", new { reasons = Reasons })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await api.As(Prosecutor)).PostAsync($"/api/incoming/{id}/resume", new { reasons = Reasons })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await (await (await api.As(Liaison)).PostAsync($"/api/incoming/{assigned}/resume", new { reasons = Reasons })).ShouldBeConflictAsync("resume", "Assigned");

        await api.Settled();
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Postponed");
    }

    [Theory]
    [InlineData("{ }")]
    [InlineData("{ \"reasons\": \"  \" }")]
    public async Task A_resumption_without_reasons_is_refused_naming_the_field_and_changes_nothing(string body)
    {
        var id = await api.CaseIn("Postponed");
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Liaison)).Client.PostAsync($"/api/incoming/{id}/resume",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        (await response.ErrorFieldsAsync()).Should().Equal("reasons");
        await api.Settled();
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Postponed");
    }

    [Fact]
    public async Task A_resumption_sent_twice_with_one_key_is_taken_once()
    {
        var id = await api.CaseIn("Postponed");
        var liaison = await api.As(Liaison);
        var key = Guid.NewGuid().ToString();

        (await Send(liaison, $"/api/incoming/{id}/resume", new { reasons = Reasons }, key)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await Send(liaison, $"/api/incoming/{id}/resume", new { reasons = Reasons }, key)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        await api.Kg.Receives<IncomingRequestResumed>(id);
        await api.Settled();
        api.Kg.About(id).OfType<IncomingRequestResumed>().Should().ContainSingle();
        (await api.Timeline(id)).Count(e => e.Action == TimelineTexts.Resumed.Format()).Should().Be(1);
    }

    [Fact]
    public async Task KG_s_resumption_takes_KZ_s_branch_out_of_Postponed_and_restarts_the_foreign_recognition_clock()
    {
        var (request, branch) = await api.BranchIn("UnderRecognition");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new IncomingRequestPostponed(branch, "KG", "Own investigation.", api.Today.PlusDays(20), "kg.liaison", api.Now), api.Now));
        await api.Node.BranchIn(branch, "Postponed");
        await api.Settled();

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new IncomingRequestResumed(branch, "KG", Reasons, "kg.liaison", api.Now), api.Now));

        await api.Node.BranchIn(branch, "UnderRecognition");
        await api.Settled();
        var clocks = await api.Node.Clocks(request);
        clocks.Should().ContainSingle(c => c.BranchId == branch && c.CurrentState == "Running" && c.Kind == ClockKind.Recognition);
        (await api.Timeline(request)).Should().ContainSingle(e => e.Action == TimelineTexts.Resumed.Format())
            .Which.Should().Match<Domain.Timeline.TimelineEntry>(e => e.Actor == "kg.liaison (KG)" && e.Details == Reasons);
    }

    [Fact]
    public async Task A_supervisor_sends_a_measure_s_proposed_refusal_back_and_the_proposer_sees_why()
    {
        var id = await ExecutingCase();
        await (await api.As(Executor)).StepAsync($"/api/incoming/{id}/propose-measure-refusal",
            new { measure = 1, grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "Not an offence in Kazakhstan." });
        await api.Settled();
        var audit = await AuditCount();

        await (await api.As(Supervisor)).StepAsync($"/api/incoming/{id}/return-measure-refusal", new { measure = 1, reasons = "It is an offence since 2025." });

        await api.Settled();
        var measure = (await (await api.As(Executor)).GetAsync($"/api/incoming/{id}")).GetProperty("measures")[0];
        measure.GetProperty("status").GetString().Should().Be("Pending", "the measure is where it was");
        measure.GetProperty("refusalProposedBy").ValueKind.Should().Be(JsonValueKind.Null, "the proposal is withdrawn");
        (await api.Timeline(id)).Should().ContainSingle(e => e.Action == TimelineTexts.MeasureRefusalReturned.Format())
            .Which.Should().Match<Domain.Timeline.TimelineEntry>(e => e.Actor == Supervisor && e.Details == "Measure 1: It is an offence since 2025.");
        api.Kg.About(id).OfType<MeasureResultReported>().Should().BeEmpty("nothing leaves the node");
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("InExecution");
        (await AuditCount()).Should().Be(audit + 1);
        var again = await (await api.As(Supervisor)).PostAsync($"/api/incoming/{id}/sign-off-measure-refusal", new { measure = 1 });
        (await again.ErrorFieldsAsync()).Should().Equal("measure");
    }

    [Fact]
    public async Task Only_a_supervisor_sends_a_measure_s_refusal_back_with_reasons_for_a_waiting_proposal()
    {
        var id = await ExecutingCase();
        var supervisor = await api.As(Supervisor);
        var noProposal = await supervisor.PostAsync($"/api/incoming/{id}/return-measure-refusal", new { measure = 1, reasons = "No." });
        (await noProposal.ErrorFieldsAsync()).Should().Equal("measure");
        await (await api.As(Executor)).StepAsync($"/api/incoming/{id}/propose-measure-refusal",
            new { measure = 1, grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "Not an offence in Kazakhstan." });
        await api.Settled();
        var timeline = await api.TimelineCount(id);

        (await (await api.As(Executor)).PostAsync($"/api/incoming/{id}/return-measure-refusal", new { measure = 1, reasons = "Mine." })).StatusCode
            .Should().Be(HttpStatusCode.Forbidden);
        (await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/return-measure-refusal", new { measure = 1, reasons = "Mine." })).StatusCode
            .Should().Be(HttpStatusCode.Forbidden);
        (await (await supervisor.PostAsync($"/api/incoming/{id}/return-measure-refusal", new { measure = 1 })).ErrorFieldsAsync()).Should().Equal("reasons");
        (await (await supervisor.PostAsync($"/api/incoming/{id}/return-measure-refusal", new { measure = 7, reasons = "No." })).ErrorFieldsAsync())
            .Should().Equal("measure");

        await api.Settled();
        (await api.TimelineCount(id)).Should().Be(timeline, "nothing was applied");
        (await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).GetProperty("measures")[0].GetProperty("refusalProposedBy").GetString()
            .Should().Be(Executor);
        var key = Guid.NewGuid().ToString();
        (await Send(supervisor, $"/api/incoming/{id}/return-measure-refusal", new { measure = 1, reasons = "Offence." }, key)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await Send(supervisor, $"/api/incoming/{id}/return-measure-refusal", new { measure = 1, reasons = "Offence." }, key)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await api.Settled();
        (await api.Timeline(id)).Count(e => e.Action == TimelineTexts.MeasureRefusalReturned.Format()).Should().Be(1, "one key, one step");
    }

    async Task<Guid> ExecutingCase()
    {
        var id = await api.CaseIn("Assigned", TestContent.Complete(LegalBasis.Chisinau2002, "KZ"));
        var liaison = await api.As(Liaison);
        await liaison.StepAsync($"/api/incoming/{id}/assign", new { assignee = Executor });
        await api.Settled();
        await liaison.StepAsync($"/api/incoming/{id}/accept");
        await api.Node.IncomingIn(id, "InExecution");
        await api.Settled();
        return id;
    }

    Task<int> AuditCount() => api.Node.Query(db => db.AuditEntries.CountAsync());

    static Task<HttpResponseMessage> Send(NodeApi user, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: RequestContentJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
