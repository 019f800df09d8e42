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

    static StartClock Start()
    {
        var id = Guid.NewGuid();
        return new StartClock(id, Guid.NewGuid(), null, ClockKind.Recognition, LegalBasis.Minsk1993, false, "KG", "KG-2026-0042", null, Step.Began);
    }
}
