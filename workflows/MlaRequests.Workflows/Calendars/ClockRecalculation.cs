using System.Globalization;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Deadlines;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Workflows.Calendars;

/// <summary>
/// What a calendar change does to one clock (issue 15): the clock's plan from its start and policy is computed with the calendars
/// before and after the change; when the due instant differs, the clock moves to the new plan (shifted by the time it already spent
/// suspended, so its suspension arithmetic is kept). A clock that already fired (overdue, also while suspended), stopped or was
/// cancelled is untouched, and so is a clock on a fixed date (the JIT agreement's end), which no calendar moves.
/// </summary>
public static class ClockRecalculation
{
    /// <summary>The clock's new plan when the change moves its due instant; null when it is untouched.</summary>
    public static ClockPlan? Recompute(DeadlineClockState clock, IClockPlanner before, IClockPlanner after)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (clock.CurrentState is not (nameof(DeadlineClockStateMachine.Running) or nameof(DeadlineClockStateMachine.Suspended))
            || clock.EscalatedAt is not null || clock.Kind == ClockKind.JitPeriod)
            return null;
        var (until, extension) = ReadLength(clock.Length);
        var start = new StartClock(clock.CorrelationId, clock.SubjectId, clock.BranchId, clock.Kind, clock.LegalBasis, clock.Urgent, clock.ActingCountry,
            clock.Reference, clock.OfficeCode, clock.StartedAt, until);
        try
        {
            var was = PlanOf(before, start, extension);
            var now = PlanOf(after, start, extension);
            if (was.DueAt == now.DueAt) return null;
            var suspended = clock.SuspendedFor ?? Duration.Zero;
            return now with { DueAt = now.DueAt + suspended, Reminder50At = now.Reminder50At + suspended, Reminder80At = now.Reminder80At + suspended };
        }
        catch (InvalidOperationException)
        {
            // The policy no longer allows the extension this clock has (a policy change since): its plan cannot be recomputed, so it is left as it is.
            return null;
        }
    }

    static ClockPlan PlanOf(IClockPlanner planner, StartClock start, Period? extension)
    {
        var plan = planner.Plan(start);
        return extension is null ? plan : planner.Extend(start, plan, extension, alreadyExtended: false);
    }

    /// <summary>
    /// The chosen last day and the extension a clock's stored length names (<c>until 2026-05-04 + P1D BusinessDays</c>,
    /// <c>P30D CalendarDaysNextWorkingDay + P30D</c>): the length is what the planner wrote, the only record of both on clocks of earlier releases.
    /// </summary>
    public static (LocalDate? Until, Period? Extension) ReadLength(string length)
    {
        ArgumentNullException.ThrowIfNull(length);
        LocalDate? until = null;
        var rest = length;
        if (rest.StartsWith("until ", StringComparison.Ordinal) && rest.Length >= 16
            && LocalDatePattern.Iso.Parse(rest.Substring(6, 10)) is { Success: true } day)
        {
            until = day.Value;
            rest = rest[16..].TrimStart(' ', '+');
        }
        var parts = rest.Split(" + ", 2, StringSplitOptions.TrimEntries);
        Period? extension = parts.Length == 2 && PeriodPattern.NormalizingIso.Parse(parts[1]) is { Success: true } added && added.Value != Period.Zero
            ? added.Value
            : null;
        return (until, extension);
    }

    /// <summary>The instant as the timeline writes it (ISO, UTC).</summary>
    public static string Written(Instant at) => InstantPattern.ExtendedIso.Format(at).ToString(CultureInfo.InvariantCulture);
}
