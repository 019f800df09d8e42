using MlaRequests.Domain.Calendars;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Calendars;
using MlaRequests.Workflows.Data;
using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>
/// Plans clocks with the <see cref="DeadlineCalculator"/> over the reviewed data (deadline policies
/// and national calendars). A business-day period reaching a year without calendar data is not
/// guessed silently: it is counted as calendar days (weekends and holidays not skipped, so the
/// deadline can only come earlier, never later) and flagged as unverified.
/// </summary>
public sealed class PolicyClockPlanner : IClockPlanner
{
    readonly Func<DeadlineCalculator> _calculator;

    /// <summary>Plans with <paramref name="calculator"/>.</summary>
    public PolicyClockPlanner(DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        _calculator = () => calculator;
    }

    /// <summary>Plans over the embedded data.</summary>
    public PolicyClockPlanner()
        : this(new DeadlineCalculator(WorkflowData.Calendars, WorkflowData.DeadlinePolicies))
    {
    }

    /// <summary>Plans with the calendars in force in <paramref name="calendars"/> at each call (a loaded year counts at once).</summary>
    public PolicyClockPlanner(CalendarSource calendars)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        Cached? cached = null;
        _calculator = () =>
        {
            var book = calendars.Current;
            var hit = Volatile.Read(ref cached);
            if (hit is not null && ReferenceEquals(hit.Book, book)) return hit.Calculator;
            var made = new DeadlineCalculator(book, WorkflowData.DeadlinePolicies);
            Volatile.Write(ref cached, new Cached(book, made));
            return made;
        };
    }

    /// <inheritdoc />
    public ClockPlan Plan(StartClock start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var plan = ToPlan(Compute(_calculator(), start, out var uncovered), uncovered);
        return start.Until is { } until ? plan with { Length = $"until {until:uuuu-MM-dd} + {plan.Length}" } : plan;
    }

    /// <inheritdoc />
    public ClockPlan Extend(StartClock start, ClockPlan current, Period extension, bool alreadyExtended)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(current);
        var calculator = _calculator();
        var deadline = Compute(calculator, start, out var uncovered) with { DueAt = current.DueAt };
        if (alreadyExtended)
            deadline = deadline with { Extension = Period.Zero };
        try
        {
            return ToPlan(calculator.Extend(deadline, extension), uncovered);
        }
        catch (DeadlineExtensionException exception)
        {
            throw new InvalidOperationException(exception.Message, exception);
        }
    }

    static Deadline Compute(DeadlineCalculator calculator, StartClock start, out string? uncovered)
    {
        uncovered = null;
        if (start.LastDay is { } lastDay)
            return calculator.UntilEndOf(start.Kind, start.LegalBasis, start.Urgent, start.ActingCountry, start.Start, lastDay);
        try
        {
            return start.Until is { } until
                ? calculator.ComputeUntil(start.Kind, start.LegalBasis, start.Urgent, start.ActingCountry, start.Start, until)
                : calculator.Compute(start.Kind, start.LegalBasis, start.Urgent, start.ActingCountry, start.Start);
        }
        catch (CalendarYearNotCoveredException exception)
        {
            uncovered = exception.Message;
            var estimate = start.Until is { } until
                ? calculator.ComputeUntil(start.Kind, start.LegalBasis, start.Urgent, start.ActingCountry, start.Start, until, DayCounting.CalendarDays)
                : calculator.Compute(start.Kind, start.LegalBasis, start.Urgent, start.ActingCountry, start.Start, DayCounting.CalendarDays);
            return estimate;
        }
    }

    static ClockPlan ToPlan(Deadline deadline, string? uncovered)
    {
        var at = deadline.Reminders.ToDictionary(r => r.Percent, r => r.At);
        var length = $"{deadline.Length} {deadline.Counting}" + (deadline.Extension is { } extension && extension != Period.Zero ? $" + {extension}" : string.Empty);
        var source = uncovered is null ? deadline.Source : $"{deadline.Source}. {uncovered} Counted in calendar days meanwhile.";
        return new ClockPlan(deadline.DueAt, at.GetValueOrDefault(50, deadline.DueAt), at.GetValueOrDefault(80, deadline.DueAt), length, source,
            deadline.TimeZoneId, uncovered is null && !deadline.UsesUnverifiedCalendar);
    }

    sealed record Cached(CalendarBook Book, DeadlineCalculator Calculator);
}
