using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.FastTests.Infrastructure;
using MlaRequests.Workflows.Deadlines;
using NodaTime;

namespace MlaRequests.FastTests.Workflows;

/// <summary>The clock workflow's instants, exact: what it schedules, when it escalates, what a stop leaves behind.</summary>
public sealed class When_a_deadline_clock_runs(WorkflowHarness<DeadlineClockStateMachine, DeadlineClockState> harness)
    : IClassFixture<WorkflowHarness<DeadlineClockStateMachine, DeadlineClockState>>
{
    static readonly PolicyClockPlanner Planner = new();

    [Fact]
    public async Task Starting_schedules_the_half_way_reminder_at_the_planned_instant()
    {
        var start = Start();
        var plan = Planner.Plan(start);

        await harness.DeliverAsync(start);

        harness.Scheduler.Find<ClockCheckpointReached>(c => c.ClockId == start.ClockId)
            .Should().BeEquivalentTo(new { At = plan.Reminder50At, Message = new ClockCheckpointReached(start.ClockId, 50) });
        plan.DueAt.Should().Be(Instant.FromUtc(2026, 4, 1, 18, 0), "30 calendar days in Bishkek (UTC+6), to the end of the 30th day");
    }

    [Fact]
    public async Task The_due_checkpoint_escalates_at_the_due_instant_and_schedules_nothing_more()
    {
        var start = Start();
        var plan = Planner.Plan(start);
        await harness.DeliverAsync(start);
        var half = await harness.FireAsync<ClockCheckpointReached>(c => c.ClockId == start.ClockId);
        var most = await harness.FireAsync<ClockCheckpointReached>(c => c.ClockId == start.ClockId);

        var escalation = await harness.FireAsync<ClockCheckpointReached>(c => c.ClockId == start.ClockId);

        half.Published.Should().Equal(new ClockReminder(start.ClockId, start.SubjectId, ClockKind.Recognition, 50, plan.DueAt));
        most.Published.Should().Equal(new ClockReminder(start.ClockId, start.SubjectId, ClockKind.Recognition, 80, plan.DueAt));
        escalation.Published.Should().Equal(new DeadlineEscalated(start.ClockId, start.SubjectId, ClockKind.Recognition, "KG", plan.DueAt, plan.DueAt));
        (await harness.LoadAsync(start.ClockId))!.CurrentState.Should().Be("Overdue");
        harness.Scheduler.Find<ClockCheckpointReached>(c => c.ClockId == start.ClockId).Should().BeNull();
    }

    [Fact]
    public async Task A_stop_leaves_no_checkpoint_scheduled()
    {
        var start = Start();
        await harness.DeliverAsync(start);

        await harness.DeliverAsync(new StopClock(start.ClockId, Step.At));

        harness.Scheduler.Find<ClockCheckpointReached>(c => c.ClockId == start.ClockId).Should().BeNull();
        (await harness.LoadAsync(start.ClockId))!.EndedAt.Should().Be(Step.At);
    }

    [Fact]
    public async Task A_suspension_keeps_the_time_left_and_the_resumption_moves_every_instant_by_the_time_suspended()
    {
        var start = Start();
        var plan = Planner.Plan(start);
        await harness.DeliverAsync(start);
        var suspended = Step.Began + Duration.FromDays(3);
        var resumed = suspended + Duration.FromDays(11) + Duration.FromHours(5);

        await harness.DeliverAsync(new SuspendClock(start.ClockId, suspended));
        harness.Scheduler.Find<ClockCheckpointReached>(c => c.ClockId == start.ClockId).Should().BeNull("a suspended clock sends no reminder");
        await harness.DeliverAsync(new ResumeClock(start.ClockId, resumed));

        var clock = (await harness.LoadAsync(start.ClockId))!;
        var moved = Duration.FromDays(11) + Duration.FromHours(5);
        clock.Should().Match<DeadlineClockState>(c => c.CurrentState == "Running" && c.DueAt == plan.DueAt + moved && c.Reminder50At == plan.Reminder50At + moved
            && c.Reminder80At == plan.Reminder80At + moved && c.SuspendedFor == moved && c.SuspendedAt == null);
        (clock.DueAt - resumed).Should().Be(plan.DueAt - suspended, "the time left when the suspension began is the time left after it");
        harness.Scheduler.Find<ClockCheckpointReached>(c => c.ClockId == start.ClockId)
            .Should().BeEquivalentTo(new { At = plan.Reminder50At + moved, Message = new ClockCheckpointReached(start.ClockId, 50) });
    }

    [Fact]
    public async Task A_resumption_of_a_clock_that_was_never_suspended_keeps_its_due_instant()
    {
        var start = Start();
        var plan = Planner.Plan(start);
        await harness.DeliverAsync(start);

        var resumption = await harness.DeliverAsync(new ResumeClock(start.ClockId, Step.At));

        resumption.Fault.Should().BeNull("a clock the previous release started, or a duplicate resumption, is left as it is");
        (await harness.LoadAsync(start.ClockId))!.Should().Match<DeadlineClockState>(c => c.CurrentState == "Running" && c.DueAt == plan.DueAt && c.SuspendedFor == null);
    }

    [Fact]
    public async Task An_overdue_clock_suspended_and_resumed_stays_overdue_and_is_not_escalated_again()
    {
        var start = Start();
        await harness.DeliverAsync(start);
        for (var i = 0; i < 3; i++)
            await harness.FireAsync<ClockCheckpointReached>(c => c.ClockId == start.ClockId);
        var escalatedAt = (await harness.LoadAsync(start.ClockId))!.EscalatedAt;

        await harness.DeliverAsync(new SuspendClock(start.ClockId, Step.Began + Duration.FromDays(40)));
        var resumption = await harness.DeliverAsync(new ResumeClock(start.ClockId, Step.Began + Duration.FromDays(45)));

        resumption.Published.Should().BeEmpty();
        (await harness.LoadAsync(start.ClockId))!.Should().Match<DeadlineClockState>(c => c.CurrentState == "Overdue" && c.EscalatedAt == escalatedAt);
        harness.Scheduler.Find<ClockCheckpointReached>(c => c.ClockId == start.ClockId).Should().BeNull();
    }

    static StartClock Start()
    {
        var id = Guid.NewGuid();
        return new StartClock(id, Guid.NewGuid(), null, ClockKind.Recognition, LegalBasis.Minsk1993, false, "KG", "KG-2026-0042", null, Step.Began);
    }
}
