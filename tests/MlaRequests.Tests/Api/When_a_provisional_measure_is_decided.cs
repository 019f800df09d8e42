using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;
using NodaTime.Text;
using static MlaRequests.Tests.Api.RequestSetup;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Provisional measures (issue 15): a request from KG asks KZ for a hearing (measure 1), a freezing (2) and a preservation of data (3).
/// Each provisional measure runs its own 24-hour clock on KZ's case from the arrival; recording its decision
/// (<c>decide-provisional-measure</c>) stops that clock alone and tells KG (<see cref="ProvisionalMeasureDecided"/>); acceptance leaves
/// an undecided measure's clock running. On KZ's own request to KG the branch keeps the same clocks and KG's decisions stop them; a
/// KG of the previous release, which never reports decisions, has them stopped at acceptance as before.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_provisional_measure_is_decided(ApiNode api) : IClassFixture<ApiNode>
{
    const string Executor = "kz.executor";
    const string Supervisor = "kz.supervisor";
    const string Court = "Medeu district court of Almaty";

    [Fact]
    public async Task Each_provisional_measure_runs_its_own_clock_and_an_order_stops_only_its_own_and_tells_KG()
    {
        var id = await api.CaseIn("Registered", Provisional());
        var clocks = await ProvisionalClocks(id, 2, "Running");
        clocks.Select(c => c.CorrelationId).Should().BeEquivalentTo([Clock(id, 2), Clock(id, 3)]);
        clocks.Should().OnlyContain(c => c.DueAt == c.StartedAt + Duration.FromHours(24));
        var view = await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}");
        view.GetProperty("clocks").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "ProvisionalMeasures")
            .Select(c => c.GetProperty("measure").GetInt32()).Should().BeEquivalentTo([2, 3]);
        view.GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()).Should().Contain("decide-provisional-measure");
        var audit = await api.Node.Query(db => db.AuditEntries.CountAsync());
        api.Clock.Advance(Duration.FromHours(1));
        var decided = api.Now - Duration.FromMinutes(20);

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/decide-provisional-measure",
            new { measure = 2, outcome = "Ordered", decidedAt = decided, authority = Court, reasons = "Account 40817 frozen up to 2 million tenge." });

        var sent = await api.Kg.Receives<ProvisionalMeasureDecided>(id);
        sent.Should().Match<ProvisionalMeasureDecided>(m => m.Measure == 2 && m.Outcome == "Ordered" && m.DecidedAt == decided && m.Authority == Court
            && m.Node == "KZ" && m.Actor == Liaison && m.Grounds.Count == 0);
        await Eventually.Until(() => State(id, 2), s => s == "Met", TestTimeouts.Workflow, "measure 2's clock to be met");
        await api.Settled();
        (await State(id, 3)).Should().Be("Running", "measure 3 is not decided");
        var measure = (await (await api.As(Liaison)).GetAsync($"/api/incoming/{id}")).GetProperty("measures")[1];
        measure.GetProperty("status").GetString().Should().Be("Pending", "the decision is not a result of the measure's execution");
        measure.GetProperty("provisional").GetProperty("outcome").GetString().Should().Be("Ordered");
        measure.GetProperty("provisional").GetProperty("authority").GetString().Should().Be(Court);
        (await api.Timeline(id)).Should().ContainSingle(e => e.Action == TimelineTexts.ProvisionalOrdered.Format(2))
            .Which.Details.Should().Be(TimelineTexts.ProvisionalDetailsClockStopped.Format(Court, decided, "Account 40817 frozen up to 2 million tenge."));
        (await api.Node.Query(db => db.AuditEntries.CountAsync())).Should().Be(audit + 1, "the step is in the audit log");
    }

    [Fact]
    public async Task A_refusal_stops_its_clock_and_acceptance_leaves_the_undecided_measure_s_clock_running_until_it_is_decided()
    {
        var id = await api.CaseIn("Assigned", Provisional());
        var liaison = await api.As(Liaison);

        await liaison.StepAsync($"/api/incoming/{id}/decide-provisional-measure", new
        {
            measure = 3, outcome = "Refused", decidedAt = api.Now, authority = Court, grounds = new[] { "DUAL_CRIMINALITY" },
            reasons = "Storing the data is not required of an operator here.",
        });
        await Eventually.Until(() => State(id, 3), s => s == "Met", TestTimeouts.Workflow, "measure 3's clock to be met");
        (await api.Kg.Receives<ProvisionalMeasureDecided>(id)).Should().Match<ProvisionalMeasureDecided>(m => m.Outcome == "Refused"
            && m.Grounds.SequenceEqual(new[] { "DUAL_CRIMINALITY" }) && m.Reasons == "Storing the data is not required of an operator here.");
        await liaison.StepAsync($"/api/incoming/{id}/accept");
        await api.Node.IncomingIn(id, "InExecution");
        (await api.Kg.Receives<IncomingRequestAccepted>(id)).ProvisionalDecisionsFollow.Should().BeTrue();
        await api.Settled();
        (await State(id, 2)).Should().Be("Running", "acceptance does not decide the freezing: the clock measures that decision");

        await liaison.StepAsync($"/api/incoming/{id}/decide-provisional-measure", new { measure = 2, outcome = "Ordered", decidedAt = api.Now, authority = Court });

        await Eventually.Until(() => State(id, 2), s => s == "Met", TestTimeouts.Workflow, "measure 2's clock to be met after acceptance");
        (await api.Timeline(id)).Should().Contain(e => e.Action == TimelineTexts.ProvisionalRefused.Format(3));
    }

    [Fact]
    public async Task An_undecided_measure_s_clock_reminds_and_becomes_overdue_alone()
    {
        var id = await api.CaseIn("Registered", Provisional());
        await ProvisionalClocks(id, 2, "Running");
        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/decide-provisional-measure",
            new { measure = 3, outcome = "Ordered", decidedAt = api.Now, authority = Court });
        await Eventually.Until(() => State(id, 3), s => s == "Met", TestTimeouts.Workflow, "measure 3's clock to be met");
        var running = (await api.Node.Clocks(id)).Single(c => c.CorrelationId == Clock(id, 2));
        var due = running.DueAt;

        api.Clock.Reset(running.Reminder50At);
        await Eventually.Until(() => api.Timeline(id), t => t.Any(e => e.Action == TimelineTexts.ClockReminder.Format(ClockKind.ProvisionalMeasures, 50)),
            TestTimeouts.Workflow, "the reminder at half time");
        api.Clock.Reset(due);

        var overdue = await Eventually.Until(async () => (await api.Node.Clocks(id)).Single(c => c.CorrelationId == Clock(id, 2)), c => c.CurrentState == "Overdue",
            TestTimeouts.Workflow, "measure 2's clock to be overdue");
        overdue.EscalatedAt.Should().Be(due);
        await api.Settled();
        (await State(id, 3)).Should().Be("Met", "the decided measure's clock stays met");
        var timeline = await api.Timeline(id);
        timeline.Count(e => e.Action == TimelineTexts.ClockReminder.Format(ClockKind.ProvisionalMeasures, 50)).Should().Be(1, "only the undecided measure reminds");
        timeline.Should().ContainSingle(e => e.Action == TimelineTexts.ClockOverdue.Format(ClockKind.ProvisionalMeasures));
    }

    [Fact]
    public async Task A_refusal_of_the_whole_request_or_a_withdrawal_cancels_the_clocks_still_running()
    {
        var id = await api.CaseIn("Registered", Provisional());
        await ProvisionalClocks(id, 2, "Running");

        await TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", new RequestWithdrawn(id, "KG", "The suspect was arrested.", "kg.prosecutor", api.Now), api.Now));

        await api.Node.IncomingIn(id, "Withdrawn");
        await ProvisionalClocks(id, 2, "Cancelled");
    }

    [Fact]
    public async Task Only_the_liaison_officer_or_the_assigned_executor_records_a_decision()
    {
        var id = await api.CaseIn("Assigned", Provisional());
        var other = await api.CaseIn("Assigned", Provisional());
        var liaison = await api.As(Liaison);
        await liaison.StepAsync($"/api/incoming/{id}/assign", new { assignee = Executor });
        await api.Settled();
        var body = new { measure = 2, outcome = "Ordered", decidedAt = api.Now, authority = Court };

        (await (await api.As(Supervisor)).PostAsync($"/api/incoming/{id}/decide-provisional-measure", body)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await api.As(Prosecutor)).PostAsync($"/api/incoming/{id}/decide-provisional-measure", body)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await api.As(Executor)).PostAsync($"/api/incoming/{other}/decide-provisional-measure", body)).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "a case assigned to someone else is not the executor's");
        await api.Settled();
        api.Kg.About(id).OfType<ProvisionalMeasureDecided>().Should().BeEmpty();

        await (await api.As(Executor)).StepAsync($"/api/incoming/{id}/decide-provisional-measure", body);
        (await api.Kg.Receives<ProvisionalMeasureDecided>(id)).Actor.Should().Be(Executor);
    }

    [Theory]
    [InlineData("{ \"measure\": 1, \"outcome\": \"Ordered\", \"decidedAt\": \"NOW\", \"authority\": \"Court\" }", "measure")]
    [InlineData("{ \"measure\": 9, \"outcome\": \"Ordered\", \"decidedAt\": \"NOW\", \"authority\": \"Court\" }", "measure")]
    [InlineData("{ \"measure\": 2, \"outcome\": \"Granted\", \"decidedAt\": \"NOW\", \"authority\": \"Court\" }", "outcome")]
    [InlineData("{ \"measure\": 2, \"outcome\": \"Ordered\", \"authority\": \"Court\" }", "decidedAt")]
    [InlineData("{ \"measure\": 2, \"outcome\": \"Ordered\", \"decidedAt\": \"2099-01-01T00:00:00Z\", \"authority\": \"Court\" }", "decidedAt")]
    [InlineData("{ \"measure\": 2, \"outcome\": \"Ordered\", \"decidedAt\": \"NOW\" }", "authority")]
    [InlineData("{ \"measure\": 2, \"outcome\": \"Refused\", \"decidedAt\": \"NOW\", \"authority\": \"Court\" }", "reasons")]
    [InlineData("{ \"measure\": 2, \"outcome\": \"Refused\", \"decidedAt\": \"NOW\", \"authority\": \"Court\", \"reasons\": \"No.\", \"grounds\": [\"NOPE\"] }", "grounds")]
    [InlineData("{ \"measure\": 2, \"outcome\": \"Ordered\", \"decidedAt\": \"yesterday\", \"authority\": \"Court\" }", "decidedAt")]
    public async Task Bad_input_is_refused_naming_the_field_and_changes_nothing(string body, string field)
    {
        var id = await api.CaseIn("Assigned", Provisional());
        var outbox = await api.OutboxHighWater();

        var response = await (await api.As(Liaison)).Client.PostAsync($"/api/incoming/{id}/decide-provisional-measure",
            new StringContent(body.Replace("NOW", InstantPattern.ExtendedIso.Format(api.Now), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        (await response.ErrorFieldsAsync()).Should().Equal(field);
        (await api.OutboxHighWater()).Should().Be(outbox);
        (await api.Node.Query(db => db.MeasureResults.CountAsync(r => r.CaseId == id))).Should().Be(0);
    }

    [Fact]
    public async Task A_measure_is_decided_once_and_the_same_call_sent_twice_is_taken_once()
    {
        var id = await api.CaseIn("Assigned", Provisional());
        var liaison = await api.As(Liaison);
        var key = Guid.NewGuid().ToString();
        var body = new { measure = 2, outcome = "Ordered", decidedAt = api.Now, authority = Court };

        (await Send(liaison, $"/api/incoming/{id}/decide-provisional-measure", body, key)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await Send(liaison, $"/api/incoming/{id}/decide-provisional-measure", body, key)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await api.Kg.Receives<ProvisionalMeasureDecided>(id);
        await api.Settled();
        api.Kg.About(id).OfType<ProvisionalMeasureDecided>().Should().ContainSingle();
        (await api.Timeline(id)).Count(e => e.Action == TimelineTexts.ProvisionalOrdered.Format(2)).Should().Be(1);

        var again = await liaison.PostAsync($"/api/incoming/{id}/decide-provisional-measure", body with { outcome = "Refused" });
        (await again.ErrorFieldsAsync()).Should().Contain("measure");
    }

    [Fact]
    public async Task KG_s_decision_stops_that_measure_s_clock_on_the_branch_and_fills_the_table()
    {
        var (request, branch) = await Branch();
        await BranchClocks(request, branch, 2, "Running");
        await Deliver(new IncomingRequestRegistered(branch, "KG", "kg.liaison", api.Now));
        await api.Node.BranchIn(branch, "Acknowledged");

        await Deliver(new ProvisionalMeasureDecided(branch, "KG", 2, "Ordered", api.Now, "Pervomaisky district court of Bishkek", [], null, "kg.liaison", api.Now));

        await Eventually.Until(() => BranchState(request, branch, 2), s => s == "Met", TestTimeouts.Workflow, "measure 2's clock on the branch");
        await Deliver(new IncomingRequestAssigned(branch, "KG", "kg.liaison", api.Now));
        await Deliver(new IncomingRequestAccepted(branch, "KG", null, "kg.liaison", api.Now, ProvisionalDecisionsFollow: true));
        await api.Node.BranchIn(branch, "InExecution");
        await api.Settled();
        (await BranchState(request, branch, 3)).Should().Be("Running", "KG reports decisions: acceptance leaves measure 3's clock running");
        var target = (await (await api.As(Prosecutor)).GetAsync($"/api/requests/{request}")).GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("country").GetString() == "KG");
        var decision = target.GetProperty("measures")[1].GetProperty("provisional");
        decision.GetProperty("outcome").GetString().Should().Be("Ordered");
        decision.GetProperty("recordedBy").GetString().Should().Be("kg.liaison (KG)");
        target.GetProperty("measures")[2].GetProperty("provisional").ValueKind.Should().Be(JsonValueKind.Null);
        (await api.Timeline(request)).Should().Contain(e => e.Action == TimelineTexts.ProvisionalOrdered.Format(2) && e.BranchId == branch);

        await Deliver(new ProvisionalMeasureDecided(branch, "KG", 3, "Refused", api.Now, "Pervomaisky district court of Bishkek", [], "No such operator.", "kg.liaison", api.Now));
        await Eventually.Until(() => BranchState(request, branch, 3), s => s == "Met", TestTimeouts.Workflow, "measure 3's clock on the branch after acceptance");
    }

    [Fact]
    public async Task A_KG_of_the_previous_release_never_reports_decisions_so_its_acceptance_stops_the_branch_s_clocks_as_before()
    {
        var (request, branch) = await Branch();
        await Deliver(new IncomingRequestRegistered(branch, "KG", "kg.liaison", api.Now));
        await Deliver(new IncomingRequestAssigned(branch, "KG", "kg.liaison", api.Now));
        await api.Node.BranchIn(branch, "UnderRecognition");

        // Release 3's acceptance has no ProvisionalDecisionsFollow: it reads as false.
        await Deliver(new IncomingRequestAccepted(branch, "KG", null, "kg.liaison", api.Now));

        await api.Node.BranchIn(branch, "InExecution");
        await BranchClocks(request, branch, 2, "Met");
        (await api.Timeline(request)).Should().ContainSingle(e => e.Action == TimelineTexts.ProvisionalStoppedAtAcceptance.Format() && e.BranchId == branch)
            .Which.Details.Should().Be(TimelineTexts.ProvisionalStoppedAtAcceptanceDetails.Format("2, 3"));
    }

    [Fact]
    public async Task A_decision_sent_by_the_requesting_country_or_a_third_one_is_quarantined_and_applied_nowhere()
    {
        var incoming = await api.CaseIn("Assigned", Provisional());
        var (request, branch) = await Branch();
        var fromRequester = TestEnvelopes.Signed("KG", "KZ", new ProvisionalMeasureDecided(incoming, "KG", 2, "Ordered", api.Now, Court, [], null, "kg.liaison", api.Now), api.Now);
        var fromThird = TestEnvelopes.Signed("UZ", "KZ", new ProvisionalMeasureDecided(branch, "UZ", 2, "Ordered", api.Now, Court, [], null, "uz.liaison", api.Now), api.Now);

        await TestEnvelopes.DeliverAsync(api.Node, fromRequester);
        await TestEnvelopes.DeliverAsync(api.Node, fromThird);

        foreach (var envelope in new[] { fromRequester, fromThird })
        {
            await Eventually.Until(() => api.Node.Query(db => db.QuarantinedMessages.AnyAsync(q => q.MessageId == envelope.MessageId)), q => q,
                TestTimeouts.Workflow, "the decision to be quarantined");
        }
        await api.Settled();
        (await api.Node.Query(db => db.MeasureResults.CountAsync(r => r.CaseId == incoming || r.CaseId == branch))).Should().Be(0);
        (await State(incoming, 2)).Should().Be("Running");
        (await BranchState(request, branch, 2)).Should().Be("Running");
    }

    [Fact]
    public async Task A_case_received_before_the_upgrade_keeps_its_single_clock_and_due_instant_and_acceptance_stops_it_as_before()
    {
        var id = await api.CaseIn("Assigned", Provisional());
        var legacy = await LegacyClockAsync(id, id, "KZ");
        await api.Node.Query(db => db.IncomingCaseWorkflows.Where(w => w.CorrelationId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.ProvisionalClockId, legacy.CorrelationId).SetProperty(w => w.ProvisionalMeasures, (string?)null)));

        await (await api.As(Liaison)).StepAsync($"/api/incoming/{id}/accept");

        var met = await Eventually.Until(async () => (await api.Node.Clocks(id)).Single(c => c.CorrelationId == legacy.CorrelationId), c => c.CurrentState == "Met",
            TestTimeouts.Workflow, "the previous release's single clock to stop at acceptance");
        met.DueAt.Should().Be(legacy.DueAt, "a clock already running keeps its due instant");
    }

    [Fact]
    public async Task A_branch_opened_before_the_upgrade_keeps_its_single_clock_which_any_acceptance_stops()
    {
        var (request, branch) = await Branch();
        var legacy = await LegacyClockAsync(request, branch, "KG");
        await api.Node.Query(db => db.BranchWorkflows.Where(w => w.CorrelationId == branch)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.ProvisionalClockId, legacy.CorrelationId).SetProperty(w => w.ProvisionalMeasures, (string?)null)));
        await Deliver(new IncomingRequestRegistered(branch, "KG", "kg.liaison", api.Now));
        await Deliver(new IncomingRequestAssigned(branch, "KG", "kg.liaison", api.Now));
        await api.Node.BranchIn(branch, "UnderRecognition");

        await Deliver(new IncomingRequestAccepted(branch, "KG", null, "kg.liaison", api.Now, ProvisionalDecisionsFollow: true));

        var met = await Eventually.Until(async () => (await api.Node.Clocks(request)).Single(c => c.CorrelationId == legacy.CorrelationId), c => c.CurrentState == "Met",
            TestTimeouts.Workflow, "the previous release's single clock to stop at acceptance");
        met.DueAt.Should().Be(legacy.DueAt);
        (await api.Timeline(request)).Should().NotContain(e => e.Action == TimelineTexts.ProvisionalStoppedAtAcceptance.Format() && e.BranchId == branch,
            "the branch had no clock per measure");
    }

    /// <summary>The single provisional clock the previous release started (round 0), running.</summary>
    async Task<DeadlineClockState> LegacyClockAsync(Guid subject, Guid owner, string country)
    {
        var id = ClockIds.For(owner, ClockKind.ProvisionalMeasures);
        await api.Node.Bus.Publish(new StartClock(id, subject, owner, ClockKind.ProvisionalMeasures, LegalBasis.Chisinau2002, false, country, "KG-2026-000001", null,
            api.Now - Duration.FromHours(2)));
        return await Eventually.Until(async () => (await api.Node.Clocks(subject)).SingleOrDefault(c => c.CorrelationId == id), c => c?.CurrentState == "Running",
            TestTimeouts.Workflow, "the single clock to run") ?? throw new InvalidOperationException("no clock");
    }

    /// <summary>A hearing (1), a freezing (2) and a preservation of data (3).</summary>
    static RequestContent Provisional(string target = "KZ")
    {
        var content = TestContent.Complete(LegalBasis.Chisinau2002, target);
        content.Measures =
        [
            new MeasureRequested { Type = MeasureType.Hearing, Description = "Hear the witness E. F." },
            new MeasureRequested { Type = MeasureType.FreezeAssets, Description = "Freeze account 40817 at Halyk Bank" },
            new MeasureRequested { Type = MeasureType.PreserveEvidence, Description = "Preserve the subscriber's traffic data for March 2026" },
        ];
        return content;
    }

    async Task<(Guid Request, Guid Branch)> Branch()
    {
        var request = await api.RequestIn("Approved", Provisional("KG"));
        var branch = DeterministicGuid.Branch(request, "KG");
        await api.Node.BranchIn(branch, "Transmitted");
        await api.Settled();
        return (request, branch);
    }

    Task Deliver(object contract) => TestEnvelopes.DeliverAsync(api.Node, TestEnvelopes.Signed("KG", "KZ", contract, api.Now));

    static Guid Clock(Guid owner, int measure) => ClockIds.For(owner, ClockKind.ProvisionalMeasures, measure);

    Task<List<DeadlineClockState>> ProvisionalClocks(Guid id, int count, string state) =>
        Eventually.Until(async () => (await api.Node.Clocks(id)).Where(c => c.Kind == ClockKind.ProvisionalMeasures).ToList(),
            cs => cs.Count == count && cs.All(c => c.CurrentState == state), TestTimeouts.Workflow, $"{count} provisional clocks of {id} to be {state}");

    Task<List<DeadlineClockState>> BranchClocks(Guid request, Guid branch, int count, string state) =>
        Eventually.Until(async () => (await api.Node.Clocks(request)).Where(c => c.Kind == ClockKind.ProvisionalMeasures && c.BranchId == branch).ToList(),
            cs => cs.Count == count && cs.All(c => c.CurrentState == state), TestTimeouts.Workflow, $"{count} provisional clocks of {branch} to be {state}");

    async Task<string> State(Guid id, int measure) => (await api.Node.Clocks(id)).Single(c => c.CorrelationId == Clock(id, measure)).CurrentState;

    async Task<string> BranchState(Guid request, Guid branch, int measure) =>
        (await api.Node.Clocks(request)).Single(c => c.CorrelationId == Clock(branch, measure)).CurrentState;

    static Task<HttpResponseMessage> Send(NodeApi user, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: RequestContentJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}

/// <summary>
/// This node (KZ) upgraded but pinned to contract version 3 (<c>CrossBorder:ContractVersion</c>, docs/upgrades.md), as a requesting
/// node of release 3 behaves: it keeps KG's provisional decisions in quarantine, unapplied, and its branch's clocks per measure stop
/// at KG's acceptance as before, even when KG says its decisions follow.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_requesting_node_on_release_3_meets_provisional_decisions : IDisposable
{
    readonly TestDirectory _data = new();
    readonly NodaTime.Testing.FakeClock _clock = new(Instant.FromUtc(2026, 12, 7, 5, 0));

    [Fact]
    public async Task The_decision_is_kept_unapplied_and_acceptance_stops_the_clocks()
    {
        await using var kz = new NodeFactory(_data.Path, _clock, new Dictionary<string, string?> { ["CrossBorder:ContractVersion"] = "3" });
        var content = TestContent.Complete(LegalBasis.Chisinau2002, "KG");
        content.Measures = [new MeasureRequested { Type = MeasureType.FreezeAssets, Description = "Freeze account 40817" }];
        var request = await Scenario.ApprovedAsync(kz, content);
        var branch = DeterministicGuid.Branch(request, "KG");
        var now = _clock.GetCurrentInstant();
        await Eventually.Until(async () => (await kz.Clocks(request)).Count(c => c.Kind == ClockKind.ProvisionalMeasures), n => n == 1, TestTimeouts.Workflow, "the clock");
        var decision = TestEnvelopes.Signed("KG", "KZ", new ProvisionalMeasureDecided(branch, "KG", 1, "Ordered", now, "Court", [], null, "kg.liaison", now), now);

        await TestEnvelopes.DeliverAsync(kz, decision);
        await Eventually.Until(() => kz.Query(db => db.QuarantinedMessages.AnyAsync(q => q.MessageId == decision.MessageId)), q => q,
            TestTimeouts.Workflow, "the version-4 decision to be kept unapplied");
        foreach (var step in new object[]
                 {
                     new IncomingRequestRegistered(branch, "KG", "kg.liaison", now), new IncomingRequestAssigned(branch, "KG", "kg.liaison", now),
                     new IncomingRequestAccepted(branch, "KG", null, "kg.liaison", now, ProvisionalDecisionsFollow: true),
                 })
        {
            await TestEnvelopes.DeliverAsync(kz, TestEnvelopes.Signed("KG", "KZ", step, now));
        }

        await kz.BranchIn(branch, "InExecution");
        await Eventually.Until(async () => (await kz.Clocks(request)).Single(c => c.Kind == ClockKind.ProvisionalMeasures).CurrentState, s => s == "Met",
            TestTimeouts.Workflow, "the clock to stop at acceptance");
        (await kz.Query(db => db.MeasureResults.CountAsync(r => r.CaseId == branch))).Should().Be(0);
    }

    public void Dispose() => _data.Dispose();
}
