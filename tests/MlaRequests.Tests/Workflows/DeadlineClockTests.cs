using MlaRequests.Domain;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Deadlines;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Workflows;

[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_deadline_clock_runs : IDisposable
{
    static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 4, 0);
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Start);

    [Fact]
    public async Task The_ninety_day_execution_clock_escalates_at_the_exact_instant()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var escalations = await Collector.PublishedAsync<DeadlineEscalated>(node);
        var id = await Scenario.ApprovedAsync(node);
        _clock.Advance(Duration.FromDays(3) + Duration.FromHours(5));
        await Scenario.RegisteredBy(node, id, "KG", _clock.GetCurrentInstant());
        await Scenario.AcceptedBy(node, id, "KG", _clock.GetCurrentInstant());

        var execution = await Eventually.Until(() => node.Clocks(id), cs => cs.Any(c => c.Kind == ClockKind.Execution), TestTimeouts.Workflow, "the execution clock");
        var clock = execution.Single(c => c.Kind == ClockKind.Execution);
        var bishkek = DateTimeZoneProviders.Tzdb["Asia/Bishkek"];
        var accepted = _clock.GetCurrentInstant().InZone(bishkek).Date;
        var due = accepted.PlusDays(91).AtStartOfDayInZone(bishkek).ToInstant();
        clock.DueAt.Should().Be(due, "90 calendar days in Kyrgyzstan's time zone, ending at the end of the 90th day after acceptance");
        clock.TimeZone.Should().Be("Asia/Bishkek");

        _clock.Reset(due - Duration.Epsilon);
        await node.DispatchRounds(3);
        await Consistently.For(TestTimeouts.Quiet, async () => (await node.Clocks(id)).Single(c => c.Kind == ClockKind.Execution).CurrentState == "Running",
            "the clock to keep running one tick before it is due");

        _clock.Reset(due);
        var overdue = await Eventually.Until(async () => (await node.Clocks(id)).Single(c => c.Kind == ClockKind.Execution), c => c.CurrentState == "Overdue",
            TestTimeouts.Workflow, "the clock to become overdue");
        overdue.EscalatedAt.Should().Be(due);
        await Eventually.Until(() => escalations.Count(e => e.Kind == ClockKind.Execution) == 1, TestTimeouts.Workflow, "the escalation");
        escalations.Single(e => e.Kind == ClockKind.Execution).Should().Be(new DeadlineEscalated(clock.CorrelationId, id, ClockKind.Execution, "KG", due, due));
    }

    [Fact]
    public async Task A_clock_pending_at_shutdown_escalates_exactly_once_after_the_next_start()
    {
        Guid id;
        Instant ackDue;
        await using (var first = new NodeFactory(_data.Path, _clock))
        {
            id = await Scenario.ApprovedAsync(first);
            var ack = await Eventually.Until(() => first.Clocks(id), cs => cs.Any(c => c.Kind == ClockKind.Acknowledgement), TestTimeouts.Workflow, "the clock");
            ackDue = ack.Single(c => c.Kind == ClockKind.Acknowledgement).DueAt;
            (await first.Outbox()).Should().Contain(x => x.NotBefore != null, "the checkpoints wait in the database, not in memory");
        }

        _clock.Advance(Duration.FromDays(1));
        await using var second = new NodeFactory(_data.Path, _clock);
        var escalations = await Collector.PublishedAsync<DeadlineEscalated>(second);
        _clock.Reset(ackDue + Duration.FromHours(1));
        await Eventually.Until(() => escalations.Count(e => e.Kind == ClockKind.Acknowledgement) == 1, TestTimeouts.Workflow, "the escalation");

        _clock.Advance(Duration.FromDays(30));
        await second.DispatchRounds(5);
        await Consistently.For(TestTimeouts.Quiet, () => Task.FromResult(escalations.Count(e => e.Kind == ClockKind.Acknowledgement) == 1),
            "a fired clock never to fire again");
    }

    [Fact]
    public async Task A_met_clock_never_fires_and_leaves_nothing_scheduled()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var escalations = await Collector.PublishedAsync<DeadlineEscalated>(node);
        var id = await Scenario.ApprovedAsync(node);
        _clock.Advance(Duration.FromDays(2));
        await Scenario.RegisteredBy(node, id, "KG", _clock.GetCurrentInstant());
        var ack = (await Eventually.Until(async () => (await node.Clocks(id)).SingleOrDefault(c => c.Kind == ClockKind.Acknowledgement), c => c?.CurrentState == "Met",
            TestTimeouts.Workflow, "the acknowledgement clock to be met"))!;

        _clock.Advance(Duration.FromDays(20));
        await node.DispatchRounds(5);
        await Consistently.For(TestTimeouts.Quiet, async () => (await node.Clocks(id)).Single(c => c.Kind == ClockKind.Acknowledgement).CurrentState == "Met",
            "the met clock to stay met");
        escalations.Should().NotContain(e => e.ClockId == ack.CorrelationId);
        (await node.Outbox()).Should().NotContain(x => x.Body.Contains(ack.CorrelationId.ToString()), "stopping deleted its pending checkpoint");
    }

    [Fact]
    public async Task Reminders_come_at_fifty_and_eighty_percent_and_the_supervisor_sees_the_escalation()
    {
        await using var node = new NodeFactory(_data.Path, _clock);
        var reminders = await Collector.PublishedAsync<ClockReminder>(node);
        var id = await Scenario.ApprovedAsync(node, TestContent.Complete(LegalBasis.Untoc, "TJ"));
        var clock = (await Eventually.Until(() => node.Clocks(id), cs => cs.Any(c => c.Kind == ClockKind.Acknowledgement), TestTimeouts.Workflow, "the clock"))
            .Single(c => c.Kind == ClockKind.Acknowledgement);
        var length = clock.DueAt - clock.StartedAt;
        clock.Reminder50At.Should().Be(clock.StartedAt + length / 2);
        clock.Reminder80At.Should().Be(clock.StartedAt + length * 0.8);

        _clock.Reset(clock.Reminder50At);
        await Eventually.Until(() => reminders.Any(r => r.Percent == 50), TestTimeouts.Workflow, "the 50 % reminder");
        reminders.Should().NotContain(r => r.Percent == 80);
        _clock.Reset(clock.Reminder80At);
        await Eventually.Until(() => reminders.Any(r => r.Percent == 80), TestTimeouts.Workflow, "the 80 % reminder");
        _clock.Reset(clock.DueAt);
        await Eventually.Until(async () => (await node.Clocks(id)).Single(c => c.Kind == ClockKind.Acknowledgement).CurrentState, s => s == "Overdue",
            TestTimeouts.Workflow, "the 100 % escalation");

        var supervisor = await node.LoginAsync("kz.supervisor");
        var escalated = await supervisor.GetAsync("/api/deadlines?state=escalated");
        escalated.EnumerateArray().Should().Contain(e => e.GetProperty("clock").GetProperty("id").GetGuid() == clock.CorrelationId);
        var inbox = await supervisor.GetAsync("/api/inbox");
        inbox.EnumerateArray().Should().Contain(t => t.GetProperty("subjectId").GetGuid() == id && t.GetProperty("status").GetString() == "Overdue");
        var timeline = (await supervisor.GetAsync($"/api/requests/{id}")).GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ToList();
        timeline.Should().Contain(["Acknowledgement clock at 50 %", "Acknowledgement clock at 80 %", "Acknowledgement clock overdue: escalated to supervisors"]);
    }

    [Fact]
    public async Task The_internal_review_counts_business_days_of_the_requesting_country()
    {
        _clock.Reset(Instant.FromUtc(2026, 3, 19, 6, 0));
        await using var node = new NodeFactory(_data.Path, _clock);
        var id = await Scenario.InReviewAsync(node);
        var review = (await Eventually.Until(() => node.Clocks(id), cs => cs.Any(), TestTimeouts.Workflow, "the review clock")).Single();
        var expected = new DeadlineCalculator(MlaRequests.Workflows.Data.WorkflowData.Calendars, MlaRequests.Workflows.Data.WorkflowData.DeadlinePolicies)
            .Compute(ClockKind.InternalReview, LegalBasis.Minsk1993, false, "KZ", _clock.GetCurrentInstant());
        review.DueAt.Should().Be(expected.DueAt);
        review.TimeZone.Should().Be("Asia/Almaty");
        var almaty = DateTimeZoneProviders.Tzdb["Asia/Almaty"];
        (review.DueAt.InZone(almaty).Date - new LocalDate(2026, 3, 19)).Days.Should().BeGreaterThan(7,
            "five business days from Thursday 19 March cross a weekend and the Nauryz holidays");
    }

    public void Dispose() => _data.Dispose();
}
