using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Shared;
using static MlaRequests.Tests.Api.IncomingSetup;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// This node (KZ) as the requested country with an executing prosecutor: the liaison officer assigns a case from KG to
/// <c>kz.executor</c>, who alone of the executors sees it and records each measure's result; every result goes to KG;
/// a refusal of one measure leaves only once a supervisor other than the proposer signed it off; the case is executed
/// once every measure is final. On KZ's own request to KG, KG's reports fill the table per country and measure.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_an_executor_records_execution_per_measure(ApiNode api) : IClassFixture<ApiNode>
{
    const string Executor = "kz.executor";
    const string OtherExecutor = "kz.executor2";
    const string Supervisor = "kz.supervisor";

    [Fact]
    public async Task The_executor_sees_only_the_cases_assigned_to_them_and_the_others_see_all()
    {
        var mine = await ExecutingCase();
        var notMine = await api.CaseIn("InExecution");
        var executor = await api.As(Executor);

        Ids(await executor.GetAsync("/api/incoming?pageSize=100")).Should().Contain(mine).And.NotContain(notMine);
        Ids(await (await api.As(OtherExecutor)).GetAsync("/api/incoming?pageSize=100")).Should().NotContain([mine, notMine]);
        Ids(await (await api.As(Liaison)).GetAsync("/api/incoming?pageSize=100")).Should().Contain([mine, notMine]);
        Ids(await (await api.As(Supervisor)).GetAsync("/api/incoming?pageSize=100")).Should().Contain([mine, notMine]);
        (await executor.GetAsync($"/api/incoming/{mine}")).GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString())
            .Should().BeEquivalentTo("record-measure", "propose-measure-refusal", "prepare-evidence");
        (await executor.Client.GetAsync($"/api/incoming/{notMine}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await executor.Client.GetAsync($"/api/incoming/{notMine}/milestones")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await executor.PostAsync($"/api/incoming/{notMine}/record-measure", Executed(1))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await api.As(Prosecutor)).Client.GetAsync($"/api/incoming/{mine}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var inbox = (await executor.GetAsync("/api/inbox")).EnumerateArray().Select(t => t.GetProperty("subjectId").GetGuid()).ToList();
        inbox.Should().Contain(mine).And.NotContain(notMine);
    }

    [Fact]
    public async Task The_executor_who_must_hear_a_child_victim_sees_the_child_s_identity_and_no_one_else_outside_the_liaison_office_does()
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        content.Persons.Add(new PersonConcerned
        {
            Role = PersonRole.Victim, Kind = PersonKind.Natural, Name = "Child Victim Name", Citizenship = "KZ", DateOfBirth = new NodaTime.LocalDate(2015, 3, 8),
        });
        var id = await ExecutingCase(content);

        string Victim(JsonElement incoming) => incoming.GetProperty("content").GetProperty("persons").EnumerateArray().Last().GetProperty("name").GetString()!;
        var assigned = await (await api.As(Executor)).GetAsync($"/api/incoming/{id}");
        assigned.GetProperty("contentRestricted").GetBoolean().Should().BeFalse("the assigned executor hears the child");
        Victim(assigned).Should().Be("Child Victim Name");
        var supervisor = await (await api.As(Supervisor)).GetAsync($"/api/incoming/{id}");
        supervisor.GetProperty("contentRestricted").GetBoolean().Should().BeTrue("a supervisor watches the case but does not handle it");
        Victim(supervisor).Should().NotBe("Child Victim Name");
    }

    [Fact]
    public async Task A_measure_s_result_goes_to_KG_and_the_case_becomes_partially_executed()
    {
        var id = await ExecutingCase(Measures(2));
        var audit = await AuditCount();

        await (await api.As(Executor)).StepAsync($"/api/incoming/{id}/record-measure", Executed(2));

        var report = await api.Kg.Receives<MeasureResultReported>(id);
        report.Should().Match<MeasureResultReported>(r => r.Measure == 2 && r.Status == "Executed" && r.Summary == "Witness heard." && r.Actor == Executor);
        await api.Node.IncomingIn(id, "PartiallyExecuted");
        await api.Settled();
        var measures = (await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).GetProperty("measures");
        measures.EnumerateArray().Select(m => m.GetProperty("status").GetString()).Should().Equal("Pending", "Executed");
        measures[1].GetProperty("recordedBy").GetString().Should().Be(Executor);
        (await api.Timeline(id)).Should().ContainSingle(e => e.Action == TimelineTexts.MeasureRecorded.Format())
            .Which.Should().Match<Domain.Timeline.TimelineEntry>(e => e.Actor == Executor && e.Details == "Measure 2: Executed. Witness heard.");
        (await AuditCount()).Should().Be(audit + 1, "the step is in the audit log");
    }

    [Fact]
    public async Task Each_role_takes_only_its_own_measure_steps()
    {
        var id = await ExecutingCase();

        (await (await api.As(Prosecutor)).PostAsync($"/api/incoming/{id}/record-measure", Executed(1))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await api.As(Supervisor)).PostAsync($"/api/incoming/{id}/record-measure", Executed(1))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await api.As(Executor)).PostAsync($"/api/incoming/{id}/sign-off-measure-refusal", new { measure = 1 })).StatusCode
            .Should().Be(HttpStatusCode.Forbidden);
        (await (await api.As(Executor)).PostAsync($"/api/incoming/{id}/transfer-evidence", new { description = "By courier." })).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "the liaison officer reviews and transmits the evidence");
        await api.Settled();
        api.Kg.About(id).OfType<MeasureResultReported>().Should().BeEmpty();
    }

    [Fact]
    public async Task A_measure_is_recorded_only_while_the_case_is_executed()
    {
        var id = await api.CaseIn("Assigned");
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Liaison)).PostAsync($"/api/incoming/{id}/record-measure", Executed(1));

        await response.ShouldBeConflictAsync("record-measure", "Assigned");
        (await api.OutboxHighWater()).Should().Be(outbox);
    }

    [Theory]
    [InlineData("{ \"measure\": 9, \"status\": \"Executed\", \"summary\": \"Heard.\" }", "measure")]
    [InlineData("{ \"status\": \"Executed\", \"summary\": \"Heard.\" }", "measure")]
    [InlineData("{ \"measure\": 1, \"status\": \"Refused\", \"summary\": \"No.\" }", "status")]
    [InlineData("{ \"measure\": 1, \"status\": \"Executed\" }", "summary")]
    [InlineData("{ \"measure\": 1, \"status\": \"Impossible\", \"summary\": \"Searched.\" }", "reasons")]
    [InlineData("{ \"measure\": \"one\", \"status\": \"Executed\", \"summary\": \"Heard.\" }", "measure")]
    public async Task Bad_input_is_refused_naming_the_field_and_changes_nothing(string body, string field)
    {
        var id = await ExecutingCase();
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Executor)).Client.PostAsync($"/api/incoming/{id}/record-measure",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        (await response.ErrorFieldsAsync()).Should().Equal(field);
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Query(db => db.MeasureResults.CountAsync(r => r.CaseId == id))).Should().Be(0);
    }

    [Fact]
    public async Task The_same_result_sent_twice_with_one_key_is_recorded_once()
    {
        var id = await ExecutingCase();
        var executor = await api.As(Executor);
        var key = Guid.NewGuid().ToString();

        var first = await Send(executor, $"/api/incoming/{id}/record-measure", Executed(1), key);
        var again = await Send(executor, $"/api/incoming/{id}/record-measure", Executed(1), key);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        again.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await api.Kg.Receives<MeasureResultReported>(id);
        await api.Settled();
        api.Kg.About(id).OfType<MeasureResultReported>().Should().ContainSingle();
        (await api.Timeline(id)).Count(e => e.Action == TimelineTexts.MeasureRecorded.Format()).Should().Be(1);
    }

    [Fact]
    public async Task A_refusal_of_one_measure_leaves_only_after_another_supervisor_signs_it_off()
    {
        var id = await ExecutingCase(Measures(2));
        var proposal = new { measure = 1, grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "Not an offence in Kazakhstan for this account." };

        await (await api.As(Executor)).StepAsync($"/api/incoming/{id}/propose-measure-refusal", proposal);
        await api.Settled();
        api.Kg.About(id).OfType<MeasureResultReported>().Should().BeEmpty("a proposal stays on this node");
        var proposed = (await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).GetProperty("measures")[0];
        proposed.GetProperty("status").GetString().Should().Be("Pending");
        proposed.GetProperty("refusalProposedBy").GetString().Should().Be(Executor);
        (await (await api.As(Supervisor)).GetAsync("/api/inbox")).EnumerateArray().Should()
            .Contain(t => t.GetProperty("subjectId").GetGuid() == id && t.GetProperty("task").GetString() == "Sign off a proposed refusal of a measure");

        await (await api.As(Supervisor)).StepAsync($"/api/incoming/{id}/sign-off-measure-refusal", new { measure = 1 });

        var report = await api.Kg.Receives<MeasureResultReported>(id);
        report.Should().Match<MeasureResultReported>(r => r.Measure == 1 && r.Status == "Refused" && r.Actor == Supervisor
            && r.Grounds.SequenceEqual(new[] { "DUAL_CRIMINALITY" }) && r.Reasons == proposal.reasons);
        await api.Settled();
        var refused = (await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).GetProperty("measures")[0];
        refused.GetProperty("status").GetString().Should().Be("Refused");
        refused.GetProperty("refusalProposedBy").ValueKind.Should().Be(JsonValueKind.Null);
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("InExecution", "a refused measure yields nothing");
    }

    [Fact]
    public async Task A_measure_carried_out_after_its_refusal_was_proposed_is_not_refused()
    {
        var id = await ExecutingCase();
        var executor = await api.As(Executor);
        await executor.StepAsync($"/api/incoming/{id}/propose-measure-refusal",
            new { measure = 1, grounds = new[] { "DUAL_CRIMINALITY" }, reasons = "Not an offence in Kazakhstan." });
        await api.Settled();
        await executor.StepAsync($"/api/incoming/{id}/record-measure", Executed(1));
        await api.Settled();

        var response = await (await api.As(Supervisor)).PostAsync($"/api/incoming/{id}/sign-off-measure-refusal", new { measure = 1 });

        (await response.ErrorFieldsAsync()).Should().Equal("measure");
        (await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).GetProperty("measures")[0].GetProperty("refusalProposedBy").ValueKind
            .Should().Be(JsonValueKind.Null, "the recorded result replaced the proposal");
        api.Kg.About(id).OfType<MeasureResultReported>().Select(r => r.Status).Should().Equal("Executed");
    }

    [Fact]
    public async Task The_supervisor_who_proposed_a_refusal_cannot_sign_it_off()
    {
        var id = await ExecutingCase();
        var supervisor = await api.As(Supervisor);
        await supervisor.StepAsync($"/api/incoming/{id}/propose-measure-refusal",
            new { measure = 1, grounds = new[] { "ESSENTIAL_INTERESTS" }, reasons = "It would reveal a state secret." });
        await api.Settled();

        var response = await supervisor.PostAsync($"/api/incoming/{id}/sign-off-measure-refusal", new { measure = 1 });

        (await response.ErrorFieldsAsync()).Should().Equal("measure");
        await api.Settled();
        api.Kg.About(id).OfType<MeasureResultReported>().Should().BeEmpty();
        (await supervisor.PostAsync($"/api/incoming/{id}/sign-off-measure-refusal", new { measure = 1 })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_case_is_executed_only_once_every_measure_recorded_is_final()
    {
        var id = await ExecutingCase(Measures(2));
        var executor = await api.As(Executor);
        var liaison = await api.As(Liaison);
        await executor.StepAsync($"/api/incoming/{id}/record-measure", Executed(1));
        await api.Node.IncomingIn(id, "PartiallyExecuted");

        var early = await liaison.PostAsync($"/api/incoming/{id}/record-execution", BodyOf("record-execution", api));

        (await early.ErrorFieldsAsync()).Should().Equal("complete");
        await executor.StepAsync($"/api/incoming/{id}/record-measure",
            new { measure = 2, status = "Impossible", summary = "Searched the address.", reasons = "The witness left the country in 2025." });
        await api.Settled();
        await liaison.StepAsync($"/api/incoming/{id}/record-execution", BodyOf("record-execution", api));
        await api.Node.IncomingIn(id, "Executed");
        await executor.StepAsync($"/api/incoming/{id}/prepare-evidence", new { description = "Hearing record of measure 1, sealed." });
        await api.Settled();
        (await api.Timeline(id)).Should().Contain(e => e.Action == TimelineTexts.EvidencePrepared.Format() && e.Actor == Executor);
        (await liaison.GetAsync($"/api/incoming/{id}")).GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()).Should().Contain("transfer-evidence");
    }

    [Fact]
    public async Task A_case_assigned_to_a_free_text_name_by_the_earlier_release_is_reassigned_to_an_executor()
    {
        var id = await api.CaseIn("Assigned");
        await api.Node.Query(async db =>
        {
            await db.IncomingCases.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.AssignedTo, "Investigator Asanov"));
            return 0;
        });
        (await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).GetProperty("assignedTo").GetString().Should().Be("Investigator Asanov");

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/assign", new { assignee = Executor });
        await api.Settled();

        (await (await api.As(Executor)).GetAsync($"/api/incoming/{id}")).GetProperty("assignedTo").GetString().Should().Be(Executor);
    }

    [Fact]
    public async Task KG_s_reports_fill_the_table_per_country_and_measure_and_an_older_report_does_not_overwrite_a_newer_one()
    {
        var (request, branch) = await api.BranchIn("InExecution");
        var newer = new MeasureResultReported(branch, "KG", 1, "Executed", "Witness heard on 4 May.", [], null, "kg.executor", api.Now + NodaTime.Duration.FromHours(2));
        var older = newer with { Status = "InExecution", Summary = "Summons sent.", At = api.Now + NodaTime.Duration.FromHours(1) };

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", newer, api.Now));
        await api.Node.BranchIn(branch, "PartiallyExecuted");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", older, api.Now));
        await api.Settled();

        var target = (await (await api.As(Prosecutor)).GetAsync($"/api/requests/{request}")).GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("country").GetString() == "KG");
        var measure = target.GetProperty("measures").EnumerateArray().Should().ContainSingle().Subject;
        measure.GetProperty("measure").GetInt32().Should().Be(1);
        measure.GetProperty("status").GetString().Should().Be("Executed");
        measure.GetProperty("summary").GetString().Should().Be("Witness heard on 4 May.");
        measure.GetProperty("recordedBy").GetString().Should().Be("kg.executor (KG)");
        target.GetProperty("status").GetString().Should().Be("PartiallyExecuted");
        (await api.Timeline(request)).Count(e => e.Action == TimelineTexts.MeasureReported.Format()).Should().Be(2, "both reports are on the timeline");
    }

    /// <summary>A request from KG with <paramref name="content"/>, assigned to <see cref="Executor"/> and accepted.</summary>
    async Task<Guid> ExecutingCase(RequestContent? content = null)
    {
        var id = await api.CaseIn("Assigned", content);
        var liaison = await api.As(Liaison);
        await liaison.StepAsync($"/api/incoming/{id}/assign", new { assignee = Executor });
        await api.Settled();
        await liaison.StepAsync($"/api/incoming/{id}/accept");
        await api.Node.IncomingIn(id, "InExecution");
        await api.Settled();
        return id;
    }

    static RequestContent Measures(int count)
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KZ");
        content.Measures = Enumerable.Range(1, count)
            .Select(i => new MeasureRequested { Type = i == 1 ? MeasureType.Hearing : MeasureType.ObtainRecords, Description = $"Measure {i}" }).ToList();
        return content;
    }

    static object Executed(int measure) => new { measure, status = "Executed", summary = "Witness heard." };

    static IReadOnlyList<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    Task<int> AuditCount() => api.Node.Query(db => db.AuditEntries.CountAsync());

    static Task<HttpResponseMessage> Send(NodeApi user, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: RequestContentJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
