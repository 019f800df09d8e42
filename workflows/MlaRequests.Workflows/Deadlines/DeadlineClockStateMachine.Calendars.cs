using MassTransit;
using MlaRequests.Workflows.Calendars;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>
/// A calendar correction (issue 15): a running clock moves to the due instant and reminders the corrected calendar gives, its
/// pending checkpoint is replaced by one at the new instant (so the old one never fires), and the timeline says why. A suspended
/// clock takes the new instants and schedules nothing (its resumption does). A clock that fired, stopped or was cancelled is left
/// as it is (the step order ignores the command there), and so is one whose due instant changed since the node computed the move.
/// </summary>
public sealed partial class DeadlineClockStateMachine
{
    void DuringCalendarCorrection()
    {
        Event(() => MoveClockForCalendar, e => e.FaultWhenMissing(m => m.Message.ClockId));

        During(Running,
            When(MoveClockForCalendar, c => c.Saga.DueAt == c.Message.Was)
                .Then(c => Move(c.Saga, c.Message))
                .Unschedule(Checkpoint)
                .Schedule(Checkpoint, c => Next(c.Saga), c => NextAt(c.Saga).ToDateTimeUtc())
                .Record(c => TimelineTexts.ClockMovedByCalendar.Format(c.Saga.Kind), c => c.Message.Actor, c => c.Message.At, Details),
            When(MoveClockForCalendar, c => c.Saga.DueAt != c.Message.Was)
                .Then(_ => { }));

        During(Suspended,
            When(MoveClockForCalendar, c => c.Saga.DueAt == c.Message.Was && c.Saga.EscalatedAt is null)
                .Then(c => Move(c.Saga, c.Message))
                .Record(c => TimelineTexts.ClockMovedByCalendar.Format(c.Saga.Kind), c => c.Message.Actor, c => c.Message.At, Details),
            When(MoveClockForCalendar, c => c.Saga.DueAt != c.Message.Was || c.Saga.EscalatedAt is not null)
                .Then(_ => { }));

        _order.Event(MoveClockForCalendar, Running);
    }

    /// <summary>A calendar year was loaded or removed and this clock's due instant changes with it.</summary>
    public Event<MoveClockForCalendar> MoveClockForCalendar { get; private set; } = null!;

    static void Move(DeadlineClockState s, MoveClockForCalendar m) =>
        (s.DueAt, s.Reminder50At, s.Reminder80At, s.CalendarVerified) = (m.DueAt, m.Reminder50At, m.Reminder80At, m.CalendarVerified);

    static string Details(BehaviorContext<DeadlineClockState, MoveClockForCalendar> c) =>
        TimelineTexts.ClockMovedByCalendarDetails.Format(ClockRecalculation.Written(c.Message.Was), ClockRecalculation.Written(c.Message.DueAt),
            c.Message.Country, c.Message.Year, c.Message.Actor, c.Message.Note);
}
