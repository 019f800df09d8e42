using MassTransit;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>
/// Suspension: <c>Running | Overdue → Suspended → Running | Overdue</c>. A suspended clock does not count and sends no
/// reminder; on resumption its due instant and remaining reminders move by the time it spent suspended, so the time
/// left is what it was when the suspension began. A clock that was overdue stays overdue (the time it had was used up
/// before the suspension). A clock the previous release started is never suspended by itself: it keeps its due instant
/// until a suspension happens, and a resumption of a clock that was not suspended changes nothing.
/// </summary>
public sealed partial class DeadlineClockStateMachine
{
    void DuringSuspension()
    {
        Event(() => SuspendClock, e => e.FaultWhenMissing(m => m.Message.ClockId));
        Event(() => ResumeClock, e => e.FaultWhenMissing(m => m.Message.ClockId));

        During(Running, Overdue,
            When(SuspendClock)
                .Then(c => c.Saga.SuspendedAt = c.Message.At)
                .Unschedule(Checkpoint)
                .TransitionTo(Suspended)
                .Record(c => TimelineTexts.ClockSuspended.Format(c.Saga.Kind), _ => "system", c => c.Message.At,
                    c => TimelineTexts.ClockSuspendedDetails.Format(c.Saga.DueAt - c.Message.At)));

        During(Suspended,
            When(ResumeClock)
                .Then(c => Resume(c.Saga, c.Message.At))
                .IfElse(c => c.Saga.EscalatedAt is null,
                    running => running
                        .Schedule(Checkpoint, c => Next(c.Saga), c => NextAt(c.Saga).ToDateTimeUtc())
                        .TransitionTo(Running),
                    overdue => overdue.TransitionTo(Overdue))
                .Record(c => TimelineTexts.ClockResumed.Format(c.Saga.Kind), _ => "system", c => c.Message.At,
                    c => TimelineTexts.ClockResumedDetails.Format(SuspendedSpan(c.Saga, c.Message.At), c.Saga.DueAt))
                .Then(c => c.Saga.SuspendedAt = null),
            When(StopClock)
                .Then(c => c.Saga.EndedAt = c.Message.At)
                .TransitionTo(Met),
            When(CancelClock)
                .Then(c => c.Saga.EndedAt = c.Message.At)
                .TransitionTo(Cancelled),
            // The checkpoint was unscheduled when the suspension began; one already on its way is dropped (the
            // resumption schedules the next one from the moved instants).
            Ignore(Checkpoint!.Received));

        _order
            .SameRankAs(Running, Suspended)
            .Event(SuspendClock, Suspended).Event(ResumeClock, Running);
    }

    /// <summary>Not counting while the acting side waits for the other side.</summary>
    public State Suspended { get; private set; } = null!;

    /// <summary>Stop counting, keeping the time left.</summary>
    public Event<SuspendClock> SuspendClock { get; private set; } = null!;

    /// <summary>Count again from where the clock stood.</summary>
    public Event<ResumeClock> ResumeClock { get; private set; } = null!;

    /// <summary>Moves the due instant and the reminders by the time spent suspended (never backwards).</summary>
    static void Resume(DeadlineClockState s, Instant at)
    {
        var suspended = SuspendedSpan(s, at);
        s.DueAt += suspended;
        s.Reminder50At += suspended;
        s.Reminder80At += suspended;
        s.SuspendedFor = (s.SuspendedFor ?? Duration.Zero) + suspended;
    }

    static Duration SuspendedSpan(DeadlineClockState s, Instant at) => s.SuspendedAt is { } from && at > from ? at - from : Duration.Zero;
}
