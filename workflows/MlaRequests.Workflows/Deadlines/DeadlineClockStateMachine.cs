using MassTransit;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>
/// A deadline clock: <c>Running → Overdue</c> (escalated to supervisors at the due instant) or
/// <c>→ Met</c> / <c>→ Cancelled</c>. Reminders go out at 50 % and 80 % of the period; the due
/// instant and reminders come from <see cref="IClockPlanner"/> (policy per instrument, business days
/// in the acting country's calendar and time zone). One extension within the policy's maximum
/// moves the due instant and the remaining checkpoints. Checkpoints are durable scheduled messages:
/// a clock due while the node was down fires right after it starts again.
/// </summary>
public sealed partial class DeadlineClockStateMachine : MassTransitStateMachine<DeadlineClockState>
{
    readonly StepOrder _order = new();

    /// <summary>Builds the clock workflow.</summary>
    public DeadlineClockStateMachine(IClockPlanner planner, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(clock);
        InstanceState(x => x.CurrentState);

        Event(() => StartClock, e => e.CorrelateById(m => m.Message.ClockId));
        Event(() => StopClock, e => e.FaultWhenMissing(m => m.Message.ClockId));
        Event(() => CancelClock, e => e.FaultWhenMissing(m => m.Message.ClockId));
        Event(() => ExtendClock, e => e.FaultWhenMissing(m => m.Message.ClockId));
        Schedule(() => Checkpoint, x => x.CheckpointToken, s => s.Received = e => e.CorrelateById(m => m.Message.ClockId));

        Initially(
            When(StartClock)
                .Then(c =>
                {
                    var s = c.Saga;
                    var m = c.Message;
                    (s.SubjectId, s.BranchId, s.Kind, s.LegalBasis, s.Urgent, s.ActingCountry, s.Reference, s.OfficeCode, s.StartedAt) =
                        (m.SubjectId, m.BranchId, m.Kind, m.LegalBasis, m.Urgent, m.ActingCountry, m.Reference, m.OfficeCode, m.Start);
                    Apply(s, planner.Plan(m));
                })
                .Schedule(Checkpoint, c => Next(c.Saga), c => NextAt(c.Saga).ToDateTimeUtc())
                .TransitionTo(Running));

        During(Running,
            When(Checkpoint!.Received, c => c.Message.Percent < 100)
                .Then(c => c.Saga.LastPercent = c.Message.Percent)
                .Publish(c => new ClockReminder(c.Saga.CorrelationId, c.Saga.SubjectId, c.Saga.Kind, c.Message.Percent, c.Saga.DueAt))
                .Schedule(Checkpoint, c => Next(c.Saga), c => NextAt(c.Saga).ToDateTimeUtc())
                .Record(c => c.Saga.Kind == ClockKind.DesiredDate ? TimelineTexts.DesiredDateReminder.Format() : TimelineTexts.ClockReminder.Format(c.Saga.Kind, c.Message.Percent),
                    _ => "system", _ => clock.GetCurrentInstant(),
                    c => (c.Saga.Kind == ClockKind.DesiredDate ? TimelineTexts.DesiredDateDetails : TimelineTexts.ClockReminderDetails).Format(c.Saga.DueAt, c.Saga.ActingCountry)),
            When(Checkpoint.Received, c => c.Message.Percent >= 100)
                .Then(c =>
                {
                    c.Saga.LastPercent = 100;
                    c.Saga.EscalatedAt = clock.GetCurrentInstant();
                })
                .TransitionTo(Overdue)
                .Publish(c => new DeadlineEscalated(c.Saga.CorrelationId, c.Saga.SubjectId, c.Saga.Kind, c.Saga.ActingCountry, c.Saga.DueAt,
                    c.Saga.EscalatedAt!.Value))
                .Record(c => c.Saga.Kind == ClockKind.DesiredDate ? TimelineTexts.DesiredDatePassed.Format() : TimelineTexts.ClockOverdue.Format(c.Saga.Kind),
                    _ => "system", c => c.Saga.EscalatedAt!.Value,
                    c => (c.Saga.Kind == ClockKind.DesiredDate ? TimelineTexts.DesiredDateDetails : TimelineTexts.ClockOverdueDetails).Format(c.Saga.DueAt, c.Saga.ActingCountry)));

        During(Running, Overdue,
            When(StopClock)
                .Then(c => c.Saga.EndedAt = c.Message.At)
                .Unschedule(Checkpoint)
                .TransitionTo(Met),
            When(CancelClock)
                .Then(c => c.Saga.EndedAt = c.Message.At)
                .Unschedule(Checkpoint)
                .TransitionTo(Cancelled),
            When(ExtendClock)
                .IfElse(c => Extension(planner, c.Saga, c.Message).Plan is not null,
                    allowed => allowed
                        .Then(c =>
                        {
                            var s = c.Saga;
                            Apply(s, Extension(planner, s, c.Message).Plan!);
                            s.Extended = true;
                            s.ExtensionReasons = c.Message.Reasons;
                            s.EscalatedAt = null;
                            s.LastPercent = c.Message.At >= s.Reminder80At ? 80 : c.Message.At >= s.Reminder50At ? 50 : 0;
                        })
                        .Unschedule(Checkpoint)
                        .Schedule(Checkpoint, c => Next(c.Saga), c => NextAt(c.Saga).ToDateTimeUtc())
                        .TransitionTo(Running)
                        .Record(c => TimelineTexts.ClockExtended.Format(c.Saga.Kind), c => c.Message.Actor, c => c.Message.At,
                            c => TimelineTexts.ClockExtendedDetails.Format(c.Message.Extension, c.Saga.DueAt, c.Message.Reasons)),
                    refused => refused
                        .Record(c => TimelineTexts.ClockExtensionRefused.Format(c.Saga.Kind), c => c.Message.Actor, c => c.Message.At,
                            c => Extension(planner, c.Saga, c.Message).Refusal)));

        _order
            .States([Running, Overdue], [Met, Cancelled])
            .Event(StartClock, Running).Event(StopClock, Met).Event(CancelClock, Cancelled).Event(ExtendClock, Running);
        DuringSuspension();
        DuringCalendarCorrection();
        OnUnhandledEvent(_order.Handle);
    }

    /// <summary>Counting down.</summary>
    public State Running { get; private set; } = null!;

    /// <summary>Past due, escalated to supervisors.</summary>
    public State Overdue { get; private set; } = null!;

    /// <summary>The awaited step happened.</summary>
    public State Met { get; private set; } = null!;

    /// <summary>No longer applies.</summary>
    public State Cancelled { get; private set; } = null!;

    /// <summary>Start the clock.</summary>
    public Event<StartClock> StartClock { get; private set; } = null!;

    /// <summary>The awaited step happened.</summary>
    public Event<StopClock> StopClock { get; private set; } = null!;

    /// <summary>The clock no longer applies.</summary>
    public Event<CancelClock> CancelClock { get; private set; } = null!;

    /// <summary>Extend once with reasons.</summary>
    public Event<ExtendClock> ExtendClock { get; private set; } = null!;

    /// <summary>The next reminder or the due instant.</summary>
    public Schedule<DeadlineClockState, ClockCheckpointReached> Checkpoint { get; private set; } = null!;

    /// <summary>The plan after the requested extension, or why the policy refuses it (only once, within the maximum).</summary>
    static (ClockPlan? Plan, string? Refusal) Extension(IClockPlanner planner, DeadlineClockState s, ExtendClock extend)
    {
        var start = new StartClock(s.CorrelationId, s.SubjectId, s.BranchId, s.Kind, s.LegalBasis, s.Urgent, s.ActingCountry, s.Reference, s.OfficeCode, s.StartedAt);
        var current = new ClockPlan(s.DueAt, s.Reminder50At, s.Reminder80At, s.Length, s.Source, s.TimeZone, s.CalendarVerified);
        try
        {
            return (planner.Extend(start, current, extend.Extension, s.Extended), null);
        }
        catch (InvalidOperationException refused)
        {
            return (null, refused.Message);
        }
    }

    static void Apply(DeadlineClockState s, ClockPlan plan) =>
        (s.DueAt, s.Reminder50At, s.Reminder80At, s.Length, s.Source, s.TimeZone, s.CalendarVerified) =
        (plan.DueAt, plan.Reminder50At, plan.Reminder80At, plan.Length, plan.Source, plan.TimeZone, plan.CalendarVerified);

    static ClockCheckpointReached Next(DeadlineClockState s) => new(s.CorrelationId, s.LastPercent switch { 0 => 50, 50 => 80, _ => 100 });

    static Instant NextAt(DeadlineClockState s) => s.LastPercent switch { 0 => s.Reminder50At, 50 => s.Reminder80At, _ => s.DueAt };
}
