using System.Net;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;
using NodaTime;

namespace MlaRequests.Tests.Upgrade;

/// <summary>
/// Requests run for months, so a release must take over every instance the release before it stored. The fixture
/// (<see cref="UpgradeFixture.Current"/>: KZ and KG databases written by the release in main on that day, README beside it)
/// is opened by this code: migrations run at start, every stored state is one the machines know, every read answers,
/// the next steps are taken across both nodes, and running clocks fire once when their time comes. After any change to
/// a machine, a contract or the schema this test says whether the nodes in the field can take the upgrade.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_node_opens_the_previous_release_s_databases : IAsyncLifetime
{
    UpgradedRegion _region = null!;

    public async Task InitializeAsync() => _region = await UpgradedRegion.OpenAsync();

    public async Task DisposeAsync() => await _region.DisposeAsync();

    [Fact]
    public async Task Every_stored_instance_is_in_a_state_its_machine_knows()
    {
        var unknown = new List<string>();
        await Check<OutgoingRequestStateMachine, OutgoingRequestState>(_region.Kz, db => db.OutgoingRequestWorkflows, "request");
        await Check<BranchStateMachine, BranchState>(_region.Kz, db => db.BranchWorkflows, "branch");
        await Check<IncomingCaseStateMachine, IncomingCaseState>(_region.Kg, db => db.IncomingCaseWorkflows, "incoming case");
        await Check<DeadlineClockStateMachine, DeadlineClockState>(_region.Kz, db => db.Clocks, "clock");
        await Check<DeadlineClockStateMachine, DeadlineClockState>(_region.Kg, db => db.Clocks, "clock");
        unknown.Should().BeEmpty("a state the previous release stored must stay a state of the machine (never rename or remove one)");

        foreach (var instance in _region.Manifest.Instances)
        {
            var node = _region.Node(instance.Node);
            var state = instance.Workflow switch
            {
                "request" => (await node.Request(instance.Id))?.CurrentState,
                "branch" => (await node.Branch(instance.Id))?.CurrentState,
                _ => (await node.Incoming(instance.Id))?.CurrentState,
            };
            state.Should().Be(instance.State, "the {0} '{1}' on {2} is where the old release left it", instance.Workflow, instance.Label, instance.Node);
        }

        async Task Check<TMachine, TState>(NodeFactory node, Func<MlaRequests.Node.Persistence.NodeDbContext, IQueryable<TState>> rows, string what)
            where TMachine : class, SagaStateMachine<TState>
            where TState : class, SagaStateMachineInstance
        {
            var machine = _region.Machine<TMachine>(node);
            var known = machine.States.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            var stored = await node.Query(db => rows(db).ToListAsync());
            stored.Should().NotBeEmpty("the fixture holds {0}s on {1}", what, node.Code);
            foreach (var row in stored)
            {
                var state = (string)typeof(TState).GetProperty("CurrentState")!.GetValue(row)!;
                if (!known.Contains(state))
                    unknown.Add($"{node.Code} {what} {row.CorrelationId}: stored state '{state}' is unknown to {typeof(TMachine).Name}");
                else
                    machine.GetState(state).Name.Should().Be(state);
            }
        }
    }

    [Fact]
    public async Task Every_read_of_every_request_case_clock_task_and_letter_answers()
    {
        var kzLiaison = await _region.As("kz.liaison");
        var requests = await _region.Kz.Query(db => db.OutgoingRequestWorkflows.Select(r => r.CorrelationId).ToListAsync());
        (await kzLiaison.GetAsync("/api/requests?pageSize=100")).ToString().Should().Contain(requests[0].ToString("D"));
        foreach (var id in requests)
        {
            var request = await kzLiaison.GetAsync($"/api/requests/{id}");
            request.GetProperty("timeline").GetArrayLength().Should().BePositive("request {0} keeps its history", id);
            await kzLiaison.GetAsync($"/api/requests/{id}/diagram");
            var letter = await kzLiaison.Client.GetAsync($"/api/requests/{id}/letter");
            letter.StatusCode.Should().Be(HttpStatusCode.OK, $"the letter of {id}");
            foreach (var target in request.GetProperty("targets").EnumerateArray())
            {
                // Milestones belong to linked cases (parallel, mirror, JIT); any other request has none to list.
                var milestones = await kzLiaison.Client.GetAsync($"/api/requests/{id}/targets/{target.GetProperty("country").GetString()}/milestones");
                milestones.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NotFound);
            }
        }

        var kgLiaison = await _region.As("kg.liaison");
        var cases = await _region.Kg.Query(db => db.IncomingCaseWorkflows.Select(c => c.CorrelationId).ToListAsync());
        await kgLiaison.GetAsync("/api/incoming?pageSize=100");
        foreach (var id in cases)
        {
            (await kgLiaison.GetAsync($"/api/incoming/{id}")).GetProperty("timeline").GetArrayLength().Should().BePositive("case {0} keeps its history", id);
            (await kgLiaison.Client.GetAsync($"/api/incoming/{id}/milestones")).StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NotFound);
        }
        var linked = _region.Instance("parallel investigation with a milestone", "request").Id;
        (await kzLiaison.GetAsync($"/api/requests/{linked}/targets/KG/milestones")).GetArrayLength().Should().Be(1);
        (await kgLiaison.GetAsync($"/api/incoming/{DeterministicGuid.Branch(linked, "KG")}/milestones")).GetArrayLength().Should().Be(1);

        foreach (var code in new[] { "kz", "kg" })
        {
            foreach (var role in new[] { "prosecutor", "liaison", "supervisor", "admin" })
            {
                var user = await _region.As($"{code}.{role}");
                await user.GetAsync("/api/inbox");
                foreach (var state in new[] { "due", "overdue", "escalated" })
                    await user.GetAsync($"/api/deadlines?state={state}");
            }
            var admin = await _region.As($"{code}.admin");
            await admin.GetAsync("/api/links");
            await admin.GetAsync($"/api/links/{(code == "kz" ? "KG" : "KZ")}/messages");
            await admin.GetAsync("/api/quarantine");
            (await admin.GetAsync("/api/audit/verify")).GetProperty("intact").GetBoolean().Should().BeTrue("the old release's audit chain still verifies");
        }
        var overdue = await (await _region.As("kz.supervisor")).GetAsync("/api/deadlines?state=overdue");
        overdue.GetArrayLength().Should().BePositive("the clock the old release escalated is still overdue");
    }

    [Fact]
    public async Task The_next_step_of_each_instance_is_taken_across_both_nodes()
    {
        var kg = await _region.As("kg.liaison");
        var kzProsecutor = await _region.As("kz.prosecutor");
        var kzLiaison = await _region.As("kz.liaison");

        await OnKg("transmitted, reminded", "register", new { }, "Registered", "Acknowledged");
        await OnKg("acknowledged", "assign", new { assignee = "kg.liaison" }, "Assigned", "UnderRecognition");
        await OnKz("awaiting information", $"targets/KG/answer-information", new { answer = "The account is held at the Bishkek branch." }, "Assigned", "UnderRecognition");
        await OnKg("under recognition", "accept", new { }, "InExecution", "InExecution");
        // Postponed by the previous release (no end date clock, no record of where it came from): resumed to recognition on both nodes.
        await OnKg("postponed", "resume", new { reasons = "Our own proceedings are over." }, "Assigned", "UnderRecognition");
        await OnKg("postponed", "accept", new { }, "InExecution", "InExecution");
        await OnKg("in execution", "record-execution", new { complete = true, summary = "Witness heard; bank records obtained." }, "Executed", "Executed");
        await OnKg("partially executed", "record-execution", new { complete = true, summary = "Bank records obtained." }, "Executed", "Executed");
        await OnKg("executed", "transfer-evidence", new { description = "By diplomatic courier." }, "ResponseTransmitted", "EvidenceTransferred");
        await OnKz("evidence transferred", "targets/KG/confirm-evidence", new { }, "Closed", "Completed");
        await OnKz("information answered", "withdraw", new { reason = "The suspect was arrested in Almaty." }, "Withdrawn", "Withdrawn");
        await _region.Kz.RequestIn(_region.Instance("information answered", "request").Id, "Withdrawn");

        var returned = _region.Instance("returned", "request").Id;
        await kzProsecutor.StepAsync($"/api/requests/{returned}/submit");
        await _region.Kz.RequestIn(returned, "InReview");
        await kzLiaison.StepAsync($"/api/requests/{returned}/approve");
        await _region.Kg.IncomingIn(DeterministicGuid.Branch(returned, "KG"), "Received");

        var linked = _region.Instance("parallel investigation with a milestone", "branch").Id;
        var milestone = (await kzProsecutor.GetAsync($"/api/requests/{_region.Instance("parallel investigation with a milestone", "request").Id}/targets/KG/milestones"))[0];
        await kzProsecutor.StepAsync($"/api/requests/{_region.Instance("parallel investigation with a milestone", "request").Id}/targets/KG/milestones/{milestone.GetProperty("id").GetGuid()}/confirm");
        await Eventually.Until(() => kg.GetAsync($"/api/incoming/{linked}/milestones"),
            m => m[0].GetProperty("confirmedByRequestingAt").ValueKind != System.Text.Json.JsonValueKind.Null, TestTimeouts.Workflow, "KZ's confirmation in KG");

        var mirror = _region.Instance("spontaneous information", "incoming").Id;
        await kg.StepAsync($"/api/incoming/{mirror}/open-mirror-case");
        await _region.Kg.IncomingIn(mirror, "MirrorCaseOpened");
        await _region.Kz.BranchIn(mirror, "InExecution");

        async Task OnKg(string label, string route, object body, string incoming, string branch)
        {
            var id = _region.Instance(label, "incoming").Id;
            await kg.StepAsync($"/api/incoming/{id}/{route}", body);
            await _region.Kg.IncomingIn(id, incoming);
            await _region.Kz.BranchIn(id, branch);
        }

        async Task OnKz(string label, string route, object body, string incoming, string branch)
        {
            var request = _region.Instance(label, "request").Id;
            await kzProsecutor.StepAsync($"/api/requests/{request}/{route}", body);
            await _region.Kz.BranchIn(DeterministicGuid.Branch(request, "KG"), branch);
            await _region.Kg.IncomingIn(DeterministicGuid.Branch(request, "KG"), incoming);
        }
    }

    [Fact]
    public async Task Running_clocks_fire_once_when_their_time_comes_and_fired_ones_never_again()
    {
        var reminders = await Collector.PublishedAsync<ClockReminder>(_region.Kz);
        var escalations = await Collector.PublishedAsync<DeadlineEscalated>(_region.Kz);
        var kgReminders = await Collector.PublishedAsync<ClockReminder>(_region.Kg);
        var kgEscalations = await Collector.PublishedAsync<DeadlineEscalated>(_region.Kg);
        await _region.DispatchRounds(3);
        await Consistently.For(TimeSpan.FromMilliseconds(500), () => Task.FromResult(reminders.IsEmpty && escalations.IsEmpty && kgEscalations.IsEmpty),
            "nothing the old release already fired to fire again on start");

        var request = _region.Instance("transmitted, reminded", "request").Id;
        var clock = (await _region.Kz.Clocks(request)).Single(c => c.Kind == ClockKind.Acknowledgement);
        clock.CurrentState.Should().Be("Running");
        clock.LastPercent.Should().Be(50, "the old release reminded at 50 %");

        _region.Clock.Reset(clock.Reminder80At);
        await Eventually.Until(() => reminders.Any(r => r.ClockId == clock.CorrelationId), TestTimeouts.Workflow, "the 80 % reminder");
        _region.Clock.Reset(clock.DueAt);
        var escalated = await Eventually.Until(async () => (await _region.Kz.Clocks(request)).Single(c => c.Kind == ClockKind.Acknowledgement),
            c => c.CurrentState == "Overdue", TestTimeouts.Workflow, "the clock to become overdue at its due instant");
        escalated.EscalatedAt.Should().Be(clock.DueAt);

        await Eventually.Until(() => escalations.Any(e => e.ClockId == clock.CorrelationId), TestTimeouts.Workflow, "the escalation");
        _region.Clock.Advance(Duration.FromDays(120));
        await _region.DispatchRounds(5);
        await Consistently.For(TimeSpan.FromMilliseconds(500), () => Task.FromResult(
                reminders.Count(r => r.ClockId == clock.CorrelationId) == 1 && escalations.Count(e => e.ClockId == clock.CorrelationId) == 1),
            "the 80 % reminder and the escalation once each");
        reminders.Single(r => r.ClockId == clock.CorrelationId).Percent.Should().Be(80);

        var kgCase = DeterministicGuid.Branch(request, "KG");
        var kgClock = (await _region.Kg.Clocks(kgCase)).Single(c => c.Kind == ClockKind.Acknowledgement);
        kgClock.CurrentState.Should().Be("Overdue", "the same clock runs on the receiving node");
        kgReminders.Count(r => r.ClockId == kgClock.CorrelationId).Should().Be(1);
        kgEscalations.Count(e => e.ClockId == kgClock.CorrelationId).Should().Be(1);

        var overdue = _region.Instance("overdue acknowledgement", "request").Id;
        escalations.Should().NotContain(e => e.SubjectId == overdue, "the old release escalated that clock already");
        var now = _region.Now;
        await Eventually.Until(() => _region.Kz.Query(db => db.Clocks.CountAsync(c => c.CurrentState == "Running" && c.DueAt <= now)), n => n == 0,
            TestTimeouts.Workflow, "every clock that ran in the old release to fire by its due time");
    }
}
