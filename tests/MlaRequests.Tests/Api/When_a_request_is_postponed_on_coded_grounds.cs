using System.Net;
using MlaRequests.Contracts;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Shared;
using NodaTime;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// A postponement on coded grounds (UNTOC Art. 18(25)) with a clock on its end date: KG hears the grounds, the clock runs
/// until the first working day after the end date, postponing again extends it to a new date, and the resumption stops it.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_request_is_postponed_on_coded_grounds(ApiNode api) : IClassFixture<ApiNode>
{
    const string Reason = "The same suspects are on trial here until March.";

    [Fact]
    public async Task KG_hears_the_grounds_and_a_clock_runs_on_the_end_date()
    {
        var id = await api.CaseIn("Assigned");
        var until = api.Today.PlusDays(30);

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/postpone", new { reason = Reason, until, grounds = new[] { "ONGOING_PROCEEDINGS" } });

        var told = await api.Kg.Receives<IncomingRequestPostponed>(id);
        told.Grounds.Should().Equal("ONGOING_PROCEEDINGS");
        told.Until.Should().Be(until);
        await api.Node.IncomingIn(id, "Postponed");
        await api.Settled();
        var clock = (await EndDateClocks(id)).Should().ContainSingle().Subject;
        clock.CurrentState.Should().Be("Running");
        var endOfUntil = DateTimeZoneProviders.Tzdb["Asia/Almaty"].AtStartOfDay(until.PlusDays(1)).ToInstant();
        clock.DueAt.Should().BeGreaterThan(endOfUntil, "the office has the first working day after the end date to resume").And.BeLessThanOrEqualTo(endOfUntil + Duration.FromDays(5));
        clock.Reminder80At.Should().BeLessThan(endOfUntil, "the reminder comes before the end date");
        (await api.Node.Incoming(id))!.PostponementClockId.Should().Be(clock.CorrelationId);
        (await api.Timeline(id)).Should().Contain(e => e.Action == TimelineTexts.Postponed.Format()
            && e.Details == TimelineTexts.PostponedOnGroundsDetails.Format(until, "ONGOING_PROCEEDINGS", Reason));
    }

    [Fact]
    public async Task Postponing_again_extends_it_to_the_new_date_and_restarts_the_end_date_clock()
    {
        var id = await api.CaseIn("Assigned");
        var liaison = await api.As(Liaison);
        await liaison.StepAsync($"/api/incoming/{id}/postpone", new { reason = Reason, until = api.Today.PlusDays(20), grounds = new[] { "ONGOING_PROSECUTION" } });
        await api.Node.IncomingIn(id, "Postponed");
        await api.Settled();
        var first = (await EndDateClocks(id)).Single();
        api.Clock.Advance(Duration.FromHours(1));

        await liaison.StepAsync($"/api/incoming/{id}/postpone", new { reason = "The trial was adjourned.", until = api.Today.PlusDays(60), grounds = new[] { "ONGOING_PROCEEDINGS" } });

        await Eventually.Until(() => Task.FromResult(api.Kg.About(id).OfType<IncomingRequestPostponed>().Count()), n => n == 2, TestTimeouts.Workflow, "KG to hear of the extension");
        await api.Settled();
        var clocks = await EndDateClocks(id);
        clocks.Should().HaveCount(2);
        clocks.Single(c => c.CorrelationId == first.CorrelationId).CurrentState.Should().Be("Cancelled");
        clocks.Single(c => c.CorrelationId != first.CorrelationId).Should().Match<MlaRequests.Workflows.Deadlines.DeadlineClockState>(
            c => c.CurrentState == "Running" && c.DueAt > first.DueAt);
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Postponed");
        (await api.Timeline(id)).Should().ContainSingle(e => e.Action == TimelineTexts.PostponementExtended.Format());
    }

    [Fact]
    public async Task The_resumption_stops_the_end_date_clock()
    {
        var id = await api.CaseIn("Assigned");
        var liaison = await api.As(Liaison);
        await liaison.StepAsync($"/api/incoming/{id}/postpone", new { reason = Reason, until = api.Today.PlusDays(20), grounds = new[] { "ONGOING_INVESTIGATION" } });
        await api.Node.IncomingIn(id, "Postponed");
        await api.Settled();

        await liaison.StepAsync($"/api/incoming/{id}/resume", new { reasons = "The investigation is closed." });

        await api.Node.IncomingIn(id, "Assigned");
        await api.Settled();
        (await EndDateClocks(id)).Should().ContainSingle().Which.CurrentState.Should().NotBe("Running");
        (await api.Node.Incoming(id))!.PostponementClockId.Should().BeNull();
    }

    [Fact]
    public async Task A_case_postponed_during_execution_keeps_its_measures_answers_enquiries_and_resumes_where_it_was()
    {
        var id = await api.CaseIn("Assigned");
        var liaison = await api.As(Liaison);
        await liaison.StepAsync($"/api/incoming/{id}/accept");
        await api.Node.IncomingIn(id, "InExecution");
        await liaison.StepAsync($"/api/incoming/{id}/record-measure", new { measure = 1, status = "Executed", summary = "Witness heard." });
        await api.Node.IncomingIn(id, "PartiallyExecuted");
        await api.Settled();

        await liaison.StepAsync($"/api/incoming/{id}/postpone", new { reason = Reason, until = api.Today.PlusDays(40), grounds = new[] { "ONGOING_INVESTIGATION" } });

        await api.Node.IncomingIn(id, "ExecutionPostponed");
        await api.Settled();
        (await api.Node.Clocks(id)).Where(c => c.Kind == ClockKind.Execution).Should().OnlyContain(c => c.CurrentState != "Running");
        var record = await liaison.PostAsync($"/api/incoming/{id}/record-measure", new { measure = 1, status = "Executed", summary = "Again." });
        await record.ShouldBeConflictAsync("record-measure", "ExecutionPostponed");
        (await liaison.GetAsync($"/api/incoming/{id}")).GetProperty("measures")[0].GetProperty("status").GetString().Should().Be("Executed");

        await liaison.StepAsync($"/api/incoming/{id}/resume", new { reasons = "The investigation is closed." });

        var resumed = await api.Kg.Receives<IncomingRequestResumed>(id);
        resumed.ResumedTo.Should().Be("PartiallyExecuted");
        await api.Node.IncomingIn(id, "PartiallyExecuted");
        await api.Settled();
        (await api.Node.Clocks(id)).Should().ContainSingle(c => c.Kind == ClockKind.Execution && c.CurrentState == "Running" && c.StartedAt == api.Now);
        (await EndDateClocks(id)).Should().OnlyContain(c => c.CurrentState != "Running");
    }

    [Fact]
    public async Task KZ_s_branch_is_postponed_during_execution_keeps_filling_its_table_and_resumes_to_execution()
    {
        var (request, branch) = await api.BranchIn("InExecution");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new IncomingRequestPostponed(branch, "KG", Reason, api.Today.PlusDays(20), "kg.liaison", api.Now, ["ONGOING_PROSECUTION"]), api.Now));
        await api.Node.BranchIn(branch, "ExecutionPostponed");
        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new MeasureResultReported(branch, "KG", 1, "Executed", "Witness heard before the postponement.", [], null, "kg.executor", api.Now), api.Now));
        await api.Settled();
        (await api.Node.Branch(branch))!.CurrentState.Should().Be("ExecutionPostponed");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ",
            new IncomingRequestResumed(branch, "KG", "Prosecution ended.", "kg.liaison", api.Now, "InExecution"), api.Now));

        await api.Node.BranchIn(branch, "InExecution");
        await api.Settled();
        var target = (await (await api.As(Prosecutor)).GetAsync($"/api/requests/{request}")).GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("country").GetString() == "KG");
        target.GetProperty("measures")[0].GetProperty("status").GetString().Should().Be("Executed");
        (await api.Node.Clocks(request)).Should().Contain(c => c.BranchId == branch && c.Kind == ClockKind.Execution && c.CurrentState == "Running");
        (await api.Timeline(request)).Should().Contain(e => e.Action == TimelineTexts.Postponed.Format() && e.Details!.Contains("ONGOING_PROSECUTION"));
    }

    [Theory]
    [InlineData("{ \"reason\": \"Own trial.\", \"until\": \"2099-01-01\", \"grounds\": [\"DUAL_CRIMINALITY\"] }", "grounds")]
    [InlineData("{ \"reason\": \"Own trial.\", \"grounds\": [\"ONGOING_INVESTIGATION\"] }", "until")]
    [InlineData("{ \"until\": \"2027-01-01\", \"grounds\": [\"ONGOING_INVESTIGATION\"] }", "reason")]
    public async Task Bad_input_is_refused_naming_the_field_and_changes_nothing(string body, string field)
    {
        var id = await api.CaseIn("Assigned");
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Liaison)).Client.PostAsync($"/api/incoming/{id}/postpone",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).Should().Contain(field);
        await api.Settled();
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Incoming(id))!.CurrentState.Should().Be("Assigned");
        (await EndDateClocks(id)).Should().BeEmpty();
    }

    async Task<List<MlaRequests.Workflows.Deadlines.DeadlineClockState>> EndDateClocks(Guid id) =>
        (await api.Node.Clocks(id)).Where(c => c.Kind == ClockKind.Postponement).ToList();
}
