using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Deadlines;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.FastTests.Workflows;

/// <summary>A deadline clock: Running → Overdue at the due instant, Met or Cancelled, extended once within the policy, suspended and resumed.</summary>
public sealed class DeadlineClockSpec : WorkflowSpec<DeadlineClockStateMachine, DeadlineClockState>
{
    static readonly PolicyClockPlanner Planner = new();
    static readonly string[] Open = ["Running", "Overdue"];

    /// <summary>MassTransit's own event for every checkpoint: it checks the scheduling token and raises <c>Checkpoint.Received</c>.</summary>
    public override IReadOnlySet<string> FrameworkEvents { get; } = new HashSet<string> { "Checkpoint.AnyReceived" };

    /// <summary>A checkpoint of a clock that does not exist is dropped (the schedule's correlation keeps MassTransit's default).</summary>
    public override IReadOnlySet<string> DroppedWhenMissing { get; } = new HashSet<string> { "Checkpoint.Received" };

    /// <inheritdoc />
    public override IReadOnlyList<Transition<DeadlineClockState>> Transitions { get; } =
    [
        new("Initial", "StartClock", "Running"),
        new("Running", "Checkpoint.Received", "Running", "a reminder", id => new ClockCheckpointReached(id, 50)),
        new("Running", "Checkpoint.Received", "Overdue", "the due instant", id => new ClockCheckpointReached(id, 100)),
        .. Open.Select(s => new Transition<DeadlineClockState>(s, "StopClock", "Met")),
        .. Open.Select(s => new Transition<DeadlineClockState>(s, "CancelClock", "Cancelled")),
        .. Open.Select(s => new Transition<DeadlineClockState>(s, "ExtendClock", "Running", "within the policy")),
        .. Open.Select(s => new Transition<DeadlineClockState>(s, "ExtendClock", s, "a second extension", Given: c => c.Extended = true)),
        .. Open.Select(s => new Transition<DeadlineClockState>(s, "SuspendClock", "Suspended")),
        new("Suspended", "ResumeClock", "Running", "time was left"),
        new("Suspended", "ResumeClock", "Overdue", "already overdue", Given: c => c.EscalatedAt = Step.Began),
        new("Suspended", "StopClock", "Met"),
        new("Suspended", "CancelClock", "Cancelled"),
        new("Suspended", "Checkpoint.Received", "Suspended", "a checkpoint already on its way"),
        new("Running", "MoveClockForCalendar", "Running", "a calendar correction moves the due instant"),
        new("Running", "MoveClockForCalendar", "Running", "the due instant changed since the move was computed", Given: c => c.DueAt += Duration.FromHours(1)),
        new("Suspended", "MoveClockForCalendar", "Suspended", "a calendar correction moves the due instant"),
        new("Suspended", "MoveClockForCalendar", "Suspended", "the due instant changed since the move was computed", Given: c => c.DueAt += Duration.FromHours(1)),
        new("Suspended", "MoveClockForCalendar", "Suspended", "already overdue when suspended", Given: c => c.EscalatedAt = Step.Began),
    ];

    /// <inheritdoc />
    public override string[][] Ranks { get; } = [["Running", "Overdue", "Suspended"], ["Met", "Cancelled"]];

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> LeadsTo { get; } = new Dictionary<string, string>
    {
        ["StartClock"] = "Running", ["StopClock"] = "Met", ["CancelClock"] = "Cancelled", ["ExtendClock"] = "Running",
        ["SuspendClock"] = "Suspended", ["ResumeClock"] = "Running", ["MoveClockForCalendar"] = "Running",
    };

    /// <inheritdoc />
    public override DeadlineClockStateMachine Build() => new(Planner, new FakeClock(Step.Began));

    /// <summary>A recognition clock in Kyrgyzstan (extendable once by up to 30 days), planned by the real policy.</summary>
    public override DeadlineClockState Instance(Guid id, string state)
    {
        var start = Start(id);
        var plan = Planner.Plan(start);
        return new()
        {
            CorrelationId = id, CurrentState = state, SubjectId = id, Kind = start.Kind, LegalBasis = start.LegalBasis, ActingCountry = start.ActingCountry,
            Reference = start.Reference, StartedAt = start.Start, DueAt = plan.DueAt, Reminder50At = plan.Reminder50At, Reminder80At = plan.Reminder80At,
            Length = plan.Length, Source = plan.Source, TimeZone = plan.TimeZone, CalendarVerified = plan.CalendarVerified, CheckpointToken = Guid.NewGuid(),
            SuspendedAt = state == "Suspended" ? Step.Began + Duration.FromHours(1) : null,
        };
    }

    /// <inheritdoc />
    public override object Message(string @event, Guid id) => @event switch
    {
        "StartClock" => Start(id),
        "StopClock" => new StopClock(id, Step.At),
        "CancelClock" => new CancelClock(id, "Refused", Step.At),
        "ExtendClock" => new ExtendClock(id, Period.FromDays(30), "Expert opinion pending", Step.Actor, Step.At),
        "Checkpoint.Received" => new ClockCheckpointReached(id, 50),
        "SuspendClock" => new SuspendClock(id, Step.At),
        "ResumeClock" => new ResumeClock(id, Step.At),
        "MoveClockForCalendar" => new MoveClockForCalendar(id, Planner.Plan(Start(id)).DueAt, Planner.Plan(Start(id)).DueAt - Duration.FromDays(1),
            Step.Began + Duration.FromDays(2), Step.Began + Duration.FromDays(3), true, "KG", 2026, Step.Actor, "test correction", Step.At),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "no message for this event"),
    };

    static StartClock Start(Guid id) => new(id, id, null, ClockKind.Recognition, LegalBasis.Minsk1993, false, "KG", "KG-2026-0042", null, Step.Began);
}
