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
/// Requests run for months, so a release must take over every instance the releases before it stored. A fixture
/// (<see cref="UpgradeFixture.Current"/>, <see cref="UpgradeFixture.Release2"/>, <see cref="UpgradeFixture.Release1"/>: KZ and KG databases written by the release in main on that day, README beside it)
/// is opened by this code: migrations run at start, every stored state is one the machines know, every read answers,
/// the next steps are taken across both nodes, and running clocks fire once when their time comes. After any change to
/// a machine, a contract or the schema this test says whether the nodes in the field can take the upgrade.
/// </summary>
/// <remarks>Each fixture a node in the field may still be upgraded from has its own class: the previous release's below,
/// release 2's in <see cref="When_a_node_opens_release_2_s_databases"/>, the first release's in
/// <see cref="When_a_node_opens_the_first_release_s_databases"/>.</remarks>
public abstract class Opening_an_earlier_release_s_databases(string fixture) : IAsyncLifetime
{
    UpgradedRegion _region = null!;

    /// <summary>The fixture's nodes, opened by this release.</summary>
    protected UpgradedRegion Region => _region;

    public async Task InitializeAsync() => _region = await UpgradedRegion.OpenAsync(fixture);

    public async Task DisposeAsync() => await _region.DisposeAsync();

    [Fact]
    public async Task Every_stored_instance_is_in_a_state_its_machine_knows()
    {
        var unknown = new List<string>();
        await Check<OutgoingRequestStateMachine, OutgoingRequestState>(Region.Kz, db => db.OutgoingRequestWorkflows, "request");
        await Check<BranchStateMachine, BranchState>(Region.Kz, db => db.BranchWorkflows, "branch");
        await Check<IncomingCaseStateMachine, IncomingCaseState>(Region.Kg, db => db.IncomingCaseWorkflows, "incoming case");
        await Check<DeadlineClockStateMachine, DeadlineClockState>(Region.Kz, db => db.Clocks, "clock");
        await Check<DeadlineClockStateMachine, DeadlineClockState>(Region.Kg, db => db.Clocks, "clock");
        unknown.Should().BeEmpty("a state the previous release stored must stay a state of the machine (never rename or remove one)");

        foreach (var instance in Region.Manifest.Instances)
        {
            var node = Region.Node(instance.Node);
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
            var machine = Region.Machine<TMachine>(node);
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
        var kzLiaison = await Region.As("kz.liaison");
        var requests = await Region.Kz.Query(db => db.OutgoingRequestWorkflows.Select(r => r.CorrelationId).ToListAsync());
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

        var kgLiaison = await Region.As("kg.liaison");
        var cases = await Region.Kg.Query(db => db.IncomingCaseWorkflows.Select(c => c.CorrelationId).ToListAsync());
        await kgLiaison.GetAsync("/api/incoming?pageSize=100");
        foreach (var id in cases)
        {
            (await kgLiaison.GetAsync($"/api/incoming/{id}")).GetProperty("timeline").GetArrayLength().Should().BePositive("case {0} keeps its history", id);
            (await kgLiaison.Client.GetAsync($"/api/incoming/{id}/milestones")).StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NotFound);
        }
        var linked = Region.Instance("parallel investigation with a milestone", "request").Id;
        (await kzLiaison.GetAsync($"/api/requests/{linked}/targets/KG/milestones")).GetArrayLength().Should().Be(1);
        (await kgLiaison.GetAsync($"/api/incoming/{DeterministicGuid.Branch(linked, "KG")}/milestones")).GetArrayLength().Should().Be(1);

        foreach (var code in new[] { "kz", "kg" })
        {
            foreach (var role in new[] { "prosecutor", "liaison", "supervisor", "admin" })
            {
                var user = await Region.As($"{code}.{role}");
                await user.GetAsync("/api/inbox");
                foreach (var state in new[] { "due", "overdue", "escalated" })
                    await user.GetAsync($"/api/deadlines?state={state}");
            }
            var admin = await Region.As($"{code}.admin");
            await admin.GetAsync("/api/links");
            await admin.GetAsync($"/api/links/{(code == "kz" ? "KG" : "KZ")}/messages");
            await admin.GetAsync("/api/quarantine");
            (await admin.GetAsync("/api/audit/verify")).GetProperty("intact").GetBoolean().Should().BeTrue("the old release's audit chain still verifies");
        }
        var overdue = await (await Region.As("kz.supervisor")).GetAsync("/api/deadlines?state=overdue");
        overdue.GetArrayLength().Should().BePositive("the clock the old release escalated is still overdue");
    }

    [Fact]
    public async Task The_next_step_of_each_instance_is_taken_across_both_nodes()
    {
        var kg = await Region.As("kg.liaison");
        var kzProsecutor = await Region.As("kz.prosecutor");
        var kzLiaison = await Region.As("kz.liaison");

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
        await Region.Kz.RequestIn(Region.Instance("information answered", "request").Id, "Withdrawn");

        var returned = Region.Instance("returned", "request").Id;
        await kzProsecutor.StepAsync($"/api/requests/{returned}/submit");
        await Region.Kz.RequestIn(returned, "InReview");
        await kzLiaison.StepAsync($"/api/requests/{returned}/approve");
        await Region.Kg.IncomingIn(DeterministicGuid.Branch(returned, "KG"), "Received");

        var linked = Region.Instance("parallel investigation with a milestone", "branch").Id;
        var milestone = (await kzProsecutor.GetAsync($"/api/requests/{Region.Instance("parallel investigation with a milestone", "request").Id}/targets/KG/milestones"))[0];
        await kzProsecutor.StepAsync($"/api/requests/{Region.Instance("parallel investigation with a milestone", "request").Id}/targets/KG/milestones/{milestone.GetProperty("id").GetGuid()}/confirm");
        await Eventually.Until(() => kg.GetAsync($"/api/incoming/{linked}/milestones"),
            m => m[0].GetProperty("confirmedByRequestingAt").ValueKind != System.Text.Json.JsonValueKind.Null, TestTimeouts.Workflow, "KZ's confirmation in KG");

        var mirror = Region.Instance("spontaneous information", "incoming").Id;
        await kg.StepAsync($"/api/incoming/{mirror}/open-mirror-case");
        await Region.Kg.IncomingIn(mirror, "MirrorCaseOpened");
        await Region.Kz.BranchIn(mirror, "InExecution");

        async Task OnKg(string label, string route, object body, string incoming, string branch)
        {
            var id = Region.Instance(label, "incoming").Id;
            await kg.StepAsync($"/api/incoming/{id}/{route}", body);
            await Region.Kg.IncomingIn(id, incoming);
            await Region.Kz.BranchIn(id, branch);
        }

        async Task OnKz(string label, string route, object body, string incoming, string branch)
        {
            var request = Region.Instance(label, "request").Id;
            await kzProsecutor.StepAsync($"/api/requests/{request}/{route}", body);
            await Region.Kz.BranchIn(DeterministicGuid.Branch(request, "KG"), branch);
            await Region.Kg.IncomingIn(DeterministicGuid.Branch(request, "KG"), incoming);
        }
    }

    [Fact]
    public async Task Running_clocks_fire_once_when_their_time_comes_and_fired_ones_never_again()
    {
        var reminders = await Collector.AppliedAsync<ClockReminder>(Region.Kz);
        var escalations = await Collector.AppliedAsync<DeadlineEscalated>(Region.Kz);
        var kgReminders = await Collector.AppliedAsync<ClockReminder>(Region.Kg);
        var kgEscalations = await Collector.AppliedAsync<DeadlineEscalated>(Region.Kg);
        await Region.DispatchRounds(3);
        await Consistently.For(TimeSpan.FromMilliseconds(500), () => Task.FromResult(reminders.IsEmpty && escalations.IsEmpty && kgEscalations.IsEmpty),
            "nothing the old release already fired to fire again on start");

        var request = Region.Instance("transmitted, reminded", "request").Id;
        var clock = (await Region.Kz.Clocks(request)).Single(c => c.Kind == ClockKind.Acknowledgement);
        clock.CurrentState.Should().Be("Running");
        clock.LastPercent.Should().Be(50, "the old release reminded at 50 %");

        Region.Clock.Reset(clock.Reminder80At);
        await Eventually.Until(() => reminders.Values.Any(r => r.ClockId == clock.CorrelationId), TestTimeouts.Workflow, "the 80 % reminder");
        Region.Clock.Reset(clock.DueAt);
        var escalated = await Eventually.Until(async () => (await Region.Kz.Clocks(request)).Single(c => c.Kind == ClockKind.Acknowledgement),
            c => c.CurrentState == "Overdue", TestTimeouts.Workflow, "the clock to become overdue at its due instant");
        escalated.EscalatedAt.Should().Be(clock.DueAt);

        await Eventually.Until(() => escalations.Values.Any(e => e.ClockId == clock.CorrelationId), TestTimeouts.Workflow, "the escalation");
        Region.Clock.Advance(Duration.FromDays(120));
        await Region.DispatchRounds(5);
        await Consistently.For(TimeSpan.FromMilliseconds(500), () => Task.FromResult(
                reminders.Values.Count(r => r.ClockId == clock.CorrelationId) == 1 && escalations.Values.Count(e => e.ClockId == clock.CorrelationId) == 1),
            "the 80 % reminder and the escalation once each");
        reminders.Values.Single(r => r.ClockId == clock.CorrelationId).Percent.Should().Be(80);

        var kgCase = DeterministicGuid.Branch(request, "KG");
        var kgClock = (await Region.Kg.Clocks(kgCase)).Single(c => c.Kind == ClockKind.Acknowledgement);
        kgClock.CurrentState.Should().Be("Overdue", "the same clock runs on the receiving node");
        kgReminders.Values.Count(r => r.ClockId == kgClock.CorrelationId).Should().Be(1);
        kgEscalations.Values.Count(e => e.ClockId == kgClock.CorrelationId).Should().Be(1);

        var overdue = Region.Instance("overdue acknowledgement", "request").Id;
        escalations.Values.Should().NotContain(e => e.SubjectId == overdue, "the old release escalated that clock already");
        var now = Region.Now;
        await Eventually.Until(() => Region.Kz.Query(db => db.Clocks.CountAsync(c => c.CurrentState == "Running" && c.DueAt <= now)), n => n == 0,
            TestTimeouts.Workflow, "every clock that ran in the old release to fire by its due time");
    }
}

/// <summary>A fixture written by release 2 or later: it holds issue 14's states too, and each of them takes its next step.</summary>
public abstract class Opening_a_release_2_or_later_database(string fixture) : Opening_an_earlier_release_s_databases(fixture)
{
    [Fact]
    public async Task The_legal_steps_of_release_2_take_their_next_step_across_both_nodes()
    {
        var kg = await Region.As("kg.liaison");
        var prosecutor = await Region.As("kz.prosecutor");

        // The requesting side accepts the proposed conditions; the requested side accepts under them.
        var consulted = Region.Instance("in consultation", "incoming").Id;
        await prosecutor.StepAsync($"/api/requests/{Region.Instance("in consultation", "request").Id}/targets/KG/accept-consultation", new { note = "Agreed." });
        await Both(consulted, "Assigned", "UnderRecognition");
        await kg.StepAsync($"/api/incoming/{consulted}/accept-under-conditions",
            new { conditions = new[] { new { kind = "Confidentiality", text = "The witness's name is not disclosed before trial." } } });
        await Both(consulted, "InExecution", "InExecution");

        // The enquiry the previous release left unanswered is answered, and the answer reaches the requesting node.
        var enquired = Region.Instance("status enquiry unanswered", "incoming").Id;
        var enquiry = (await kg.GetAsync($"/api/incoming/{enquired}/enquiries"))[0].GetProperty("id").GetGuid();
        await kg.StepAsync($"/api/incoming/{enquired}/answer-enquiry", new { enquiryId = enquiry, answer = "The witness is summoned for 10 February." });
        await Eventually.Until(() => prosecutor.GetAsync($"/api/requests/{Region.Instance("status enquiry unanswered", "request").Id}/targets/KG/enquiries"),
            e => e[0].GetProperty("answer").ValueKind == System.Text.Json.JsonValueKind.String, TestTimeouts.Workflow, "the answer on KZ");

        // The executor the previous release assigned still records; the case completes its execution.
        var measured = Region.Instance("measure executed by an executor", "incoming").Id;
        await kg.StepAsync($"/api/incoming/{measured}/record-execution", new { complete = true, summary = "Every measure executed." });
        await Both(measured, "Executed", "Executed");

        // Postponed during execution by the previous release: resumed where it stood.
        var postponed = Region.Instance("postponed during execution", "incoming").Id;
        await kg.StepAsync($"/api/incoming/{postponed}/resume", new { reasons = "Our prosecution is over." });
        await Both(postponed, "PartiallyExecuted", "PartiallyExecuted");

        // JIT agreements: the missing signature puts each in force with its period clock; one in force is closed.
        var signedByKg = Region.Instance("jit signed by KG", "request").Id;
        await prosecutor.StepAsync($"/api/requests/{signedByKg}/targets/KG/sign-jit");
        await Both(DeterministicGuid.Branch(signedByKg, "KG"), "AgreementInForce", "AgreementInForce");
        (await Region.Kz.Clocks(signedByKg)).Should().ContainSingle(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Running");
        var signedByKz = Region.Instance("jit signed by KZ", "incoming").Id;
        await kg.StepAsync($"/api/incoming/{signedByKz}/sign-agreement");
        await Both(signedByKz, "AgreementInForce", "AgreementInForce");
        var inForce = Region.Instance("jit in force", "incoming").Id;
        await kg.StepAsync($"/api/incoming/{inForce}/close-agreement", new { evaluation = "Both networks dismantled." });
        await Both(inForce, "AgreementClosed", "AgreementClosed");
        await Region.Kz.RequestIn(Region.Instance("jit in force", "request").Id, "Completed");

        async Task Both(Guid branch, string incoming, string requesting)
        {
            await Region.Kg.IncomingIn(branch, incoming);
            await Region.Kz.BranchIn(branch, requesting);
        }
    }
}

/// <summary>
/// The previous release (release 3): its fixture holds the JIT extension's states, a mirror investigation's case-opening
/// clock, urgent content (a detained suspect, a possible minor, a basis chosen for the country) and suspended recognition
/// clocks, and each of them goes on.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_node_opens_the_previous_release_s_databases() : Opening_a_release_2_or_later_database(UpgradeFixture.Current)
{
    [Fact]
    public async Task The_states_of_release_3_take_their_next_step_across_both_nodes()
    {
        var kg = await Region.As("kg.liaison");
        var prosecutor = await Region.As("kz.prosecutor");

        // An extension KG proposed is signed by KZ: the period clock's next round runs to the new end date on both nodes.
        var proposedByKg = Region.Instance("jit extension proposed by KG", "request").Id;
        await prosecutor.StepAsync($"/api/requests/{proposedByKg}/targets/KG/sign-jit-extension");
        await Both(DeterministicGuid.Branch(proposedByKg, "KG"), "AgreementInForce", "AgreementInForce");
        var newEnd = Instant.FromUtc(2028, 6, 30, 19, 0);
        await Eventually.Until(() => Region.Kz.Clocks(proposedByKg),
            cs => cs.Count(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Running") == 1
                && cs.Single(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Running").DueAt == newEnd,
            TestTimeouts.Workflow, "one period clock running to the end of 30 June 2028 in Almaty");

        // An extension KZ proposed is declined by KG: the agreement stays in force to its first end date.
        var proposedByKz = Region.Instance("jit extension proposed by KZ", "incoming").Id;
        await kg.StepAsync($"/api/incoming/{proposedByKz}/decline-extension", new { reasons = "Our members are needed elsewhere." });
        await Both(proposedByKz, "AgreementInForce", "AgreementInForce");

        // The extended agreement closes: its second-round period clock stops.
        var extended = Region.Instance("jit extended", "incoming").Id;
        await kg.StepAsync($"/api/incoming/{extended}/close-agreement", new { evaluation = "Both networks dismantled." });
        await Both(extended, "AgreementClosed", "AgreementClosed");
        await Eventually.Until(() => Region.Kz.Clocks(Region.Instance("jit extended", "request").Id),
            cs => cs.Any(c => c.Kind == ClockKind.JitPeriod) && !cs.Any(c => c.Kind == ClockKind.JitPeriod && c.CurrentState == "Running"),
            TestTimeouts.Workflow, "the extended period clock to stop on KZ");

        // The mirror case's opening clock is met when KG opens its domestic case by accepting.
        var mirror = Region.Instance("mirror investigation, case-opening clock running", "incoming").Id;
        (await Region.Kg.Clocks(mirror)).Should().ContainSingle(c => c.Kind == ClockKind.MirrorCaseOpening && c.CurrentState == "Running");
        await kg.StepAsync($"/api/incoming/{mirror}/accept");
        await Both(mirror, "InExecution", "InExecution");
        await Eventually.Until(() => Region.Kg.Clocks(mirror), cs => cs.Single(c => c.Kind == ClockKind.MirrorCaseOpening).CurrentState == "Met",
            TestTimeouts.Workflow, "the case-opening clock met when the mirror case is opened");

        // The urgent request keeps its child protection on the receiving node and goes on.
        var urgent = Region.Instance("urgent: detained suspect and a possible minor, UNTOC towards KG", "incoming").Id;
        (await (await Region.As("kg.supervisor")).GetAsync($"/api/incoming/{urgent}")).GetProperty("contentRestricted").GetBoolean()
            .Should().BeTrue("a possible minor is protected as a child");
        await kg.StepAsync($"/api/incoming/{urgent}/accept");
        await Both(urgent, "InExecution", "InExecution");

        // The recognition clock release 3 suspended while information was awaited resumes when KZ answers.
        var awaiting = Region.Instance("awaiting information", "request").Id;
        var suspended = (await Region.Kg.Clocks(DeterministicGuid.Branch(awaiting, "KG"))).Single(c => c.Kind == ClockKind.Recognition);
        suspended.CurrentState.Should().Be("Suspended");
        await prosecutor.StepAsync($"/api/requests/{awaiting}/targets/KG/answer-information", new { answer = "The account is held at the Bishkek branch." });
        await Both(DeterministicGuid.Branch(awaiting, "KG"), "Assigned", "UnderRecognition");
        var resumed = await Eventually.Until(async () => (await Region.Kg.Clocks(DeterministicGuid.Branch(awaiting, "KG"))).Single(c => c.Kind == ClockKind.Recognition),
            c => c.CurrentState == "Running", TestTimeouts.Workflow, "the recognition clock to resume on KG");
        resumed.DueAt.Should().BeGreaterThan(suspended.DueAt, "the time suspended is added to the due instant");

        async Task Both(Guid branch, string incoming, string requesting)
        {
            await Region.Kg.IncomingIn(branch, incoming);
            await Region.Kz.BranchIn(branch, requesting);
        }
    }
}

/// <summary>Release 2 (issue 14): a node that skipped release 3 is upgraded directly and every instance goes on.</summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_node_opens_release_2_s_databases() : Opening_a_release_2_or_later_database(UpgradeFixture.Release2);

/// <summary>The first release (release 1): a node that skipped release 2 is upgraded directly and every instance goes on.</summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_node_opens_the_first_release_s_databases() : Opening_an_earlier_release_s_databases(UpgradeFixture.Release1);
