using MlaRequests.Workflows.Deadlines;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary>A deadline clock as users see it.</summary>
/// <param name="Id">The clock.</param>
/// <param name="Kind">Which clock (Acknowledgement, Recognition, …).</param>
/// <param name="Country">The country that must act.</param>
/// <param name="BranchId">The branch, for per-country clocks.</param>
/// <param name="State">running, due (past its 50 % reminder), overdue, suspended (not counting while the acting side waits), met or cancelled.</param>
/// <param name="StartedAt">The start event.</param>
/// <param name="DueAt">The due instant.</param>
/// <param name="TimeLeft">Until due (negative when overdue; while suspended, the time left when the suspension began); null once met or cancelled.</param>
/// <param name="Length">The period and how days count.</param>
/// <param name="Source">Its legal source.</param>
/// <param name="TimeZone">The acting authority's time zone.</param>
/// <param name="Extended">The one extension was used.</param>
/// <param name="EscalatedAt">When supervisors were alerted.</param>
/// <param name="CalendarVerified">False when unverified calendar data was used.</param>
/// <param name="Measure">For a provisional-measures clock of one measure (issue 15): that measure's 1-based position; null for the single clock of the previous release and every other clock.</param>
public sealed record ClockView(Guid Id, string Kind, string Country, Guid? BranchId, string State, Instant StartedAt, Instant DueAt,
    Duration? TimeLeft, string Length, string Source, string TimeZone, bool Extended, Instant? EscalatedAt, bool CalendarVerified, int? Measure = null)
{
    /// <summary>The most measures a request may list (the input limit on lists), to name a provisional clock's measure.</summary>
    const int MaxMeasures = 100;

    /// <summary>The view of <paramref name="clock"/> at <paramref name="now"/>.</summary>
    public static ClockView From(DeadlineClockState clock, Instant now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var open = clock.CurrentState is nameof(DeadlineClockStateMachine.Running) or nameof(DeadlineClockStateMachine.Overdue);
        var state = clock.CurrentState switch
        {
            nameof(DeadlineClockStateMachine.Running) when now >= clock.DueAt => "overdue",
            nameof(DeadlineClockStateMachine.Running) when now >= clock.Reminder50At => "due",
            nameof(DeadlineClockStateMachine.Running) => "running",
            nameof(DeadlineClockStateMachine.Overdue) => "overdue",
            nameof(DeadlineClockStateMachine.Suspended) => "suspended",
            nameof(DeadlineClockStateMachine.Met) => "met",
            _ => "cancelled",
        };
        return new ClockView(clock.CorrelationId, clock.Kind.ToString(), clock.ActingCountry, clock.BranchId, state, clock.StartedAt, clock.DueAt,
            clock.SuspendedAt is { } suspended && clock.CurrentState == nameof(DeadlineClockStateMachine.Suspended) ? clock.DueAt - suspended : open ? clock.DueAt - now : null, clock.Length, clock.Source, clock.TimeZone, clock.Extended, clock.EscalatedAt, clock.CalendarVerified,
            clock is { Kind: Domain.Deadlines.ClockKind.ProvisionalMeasures, BranchId: { } owner } ? Workflows.Shared.ProvisionalClocks.MeasureOf(owner, clock.CorrelationId, MaxMeasures) : null);
    }
}
