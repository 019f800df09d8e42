using System.Numerics;
using MlaRequests.Domain.Calendars;
using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.Domain.Deadlines;

/// <summary>
/// Computes deadlines from the policy data and the acting country's calendar. No ambient clock: the start
/// instant is passed in. Semantics (also in workflows/MlaRequests.Workflows/Data/README.md):
/// <list type="bullet">
/// <item>Day periods are counted in the ACTING authority's time zone (the country that must act). The day of
/// the start event is not counted; the period ends at the end of its last day, i.e. at the local midnight that
/// follows it. Acknowledgement (7 calendar days) of a request transmitted 2026-03-02T10:00 Almaty time ends
/// 2026-03-10T00:00+05:00.</item>
/// <item>Calendar days count every day; a period ending on a holiday is not prolonged. Calendar-day and hour
/// periods need no holiday data, so they work in any year.</item>
/// <item>Calendar days to a working day (<see cref="DayCounting.CalendarDaysNextWorkingDay"/>) count every day, and a period
/// whose last day is a non-working day of the acting country ends at the end of its next working day (CIS codes of criminal
/// procedure, e.g. RF CPC Art. 128(2)), so a holiday never makes a clock overdue while offices are closed. Where the data does
/// not cover the year the end stays where it falls and the deadline is flagged.</item>
/// <item>Business days count only the acting country's working days: weekends, holidays and decree days off
/// are skipped, a holiday's day off moved by the labour code is skipped, a decree-made working Saturday counts.
/// A year without calendar data throws <see cref="CalendarYearNotCoveredException"/>; an unverified year or an
/// expected (not yet official) holiday date inside the period is reported in <see cref="Deadline.Warnings"/>.</item>
/// <item>An hours period is exact: start + N hours.</item>
/// <item>Reminders fall at the policy's percentages (50, 80, 100) of the exact interval from start to due.</item>
/// <item>A clock may be extended once, by at most the rule's maximum, counted the same way on from the last day
/// of the current period; the reminders are recomputed over the whole extended interval.</item>
/// </list>
/// </summary>
public sealed class DeadlineCalculator
{
    readonly CalendarBook _calendars;
    readonly DeadlinePolicyBook _policies;

    /// <summary>Uses the given calendars and policies (normally the workflows project's embedded data).</summary>
    public DeadlineCalculator(CalendarBook calendars, DeadlinePolicyBook policies)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        ArgumentNullException.ThrowIfNull(policies);
        _calendars = calendars;
        _policies = policies;
    }

    /// <summary>The deadline of a <paramref name="kind"/> clock started at <paramref name="start"/>, for the authority of <paramref name="actingCountry"/>.</summary>
    /// <exception cref="ArgumentException">No calendar for the acting country.</exception>
    /// <exception cref="CalendarYearNotCoveredException">A business-day period reaches a year without calendar data.</exception>
    public Deadline Compute(ClockKind kind, LegalBasis basis, bool urgent, string actingCountry, Instant start) =>
        Compute(kind, basis, urgent, actingCountry, start, counting: null);

    /// <summary>
    /// As <see cref="Compute(ClockKind, LegalBasis, bool, string, Instant)"/>, counting days as <paramref name="counting"/>
    /// instead of the rule's own counting (an hours rule is never changed). Used to estimate a deadline when the
    /// calendar data for a year is missing: the caller flags the result.
    /// </summary>
    public Deadline Compute(ClockKind kind, LegalBasis basis, bool urgent, string actingCountry, Instant start, DayCounting? counting) =>
        ComputeFrom(kind, basis, urgent, actingCountry, start, lastDay: null, counting);

    /// <summary>
    /// The deadline of a <paramref name="kind"/> clock started at <paramref name="start"/> that runs until a chosen
    /// <paramref name="lastDay"/> (a postponement's end date) and then for the rule's length, counted from the end of that day in
    /// the acting country's calendar (as <paramref name="counting"/> when given, to estimate without calendar data).
    /// </summary>
    /// <exception cref="CalendarYearNotCoveredException">A business-day period reaches a year without calendar data.</exception>
    public Deadline ComputeUntil(ClockKind kind, LegalBasis basis, bool urgent, string actingCountry, Instant start, LocalDate lastDay, DayCounting? counting = null) =>
        ComputeFrom(kind, basis, urgent, actingCountry, start, lastDay, counting);

    /// <summary>The rule's length counted from <paramref name="start"/>, or from the end of <paramref name="lastDay"/> when one is chosen.</summary>
    Deadline ComputeFrom(ClockKind kind, LegalBasis basis, bool urgent, string actingCountry, Instant start, LocalDate? lastDay, DayCounting? counting)
    {
        ArgumentNullException.ThrowIfNull(actingCountry);
        var rule = _policies.Rule(kind, basis, urgent);
        if (counting is { } days && rule.Counting != DayCounting.Hours && days != DayCounting.Hours)
            rule = rule with { Counting = days };
        var calendar = _calendars.For(actingCountry);
        var end = rule.Counting == DayCounting.Hours
            ? new PeriodEnd((lastDay is { } day ? EndOf(calendar, day) : start) + rule.Length.ToDuration(), false, [])
            : EndOfDays(calendar, rule.Counting, lastDay ?? start.InZone(calendar.Zone).Date, rule.Length.Days);
        return new Deadline(
            kind, basis, urgent, calendar.Country, calendar.Zone.Id, start, end.DueAt, rule.Length, rule.Counting, rule.MaxExtension,
            Extension: null, Reminders(start, end.DueAt), rule.Source, end.Unverified, end.Warnings);
    }

    /// <summary>
    /// A <paramref name="kind"/> clock started at <paramref name="start"/> that is due at the end of <paramref name="lastDay"/> in the
    /// acting country (a JIT agreement's end date: the agreement sets the date, not a policy length), reminding at the policy's
    /// percentages of that period. The source is the policy's.
    /// </summary>
    public Deadline UntilEndOf(ClockKind kind, LegalBasis basis, bool urgent, string actingCountry, Instant start, LocalDate lastDay)
    {
        ArgumentNullException.ThrowIfNull(actingCountry);
        var rule = _policies.Rule(kind, basis, urgent);
        var calendar = _calendars.For(actingCountry);
        var dueAt = EndOf(calendar, lastDay);
        if (dueAt < start)
            dueAt = start;
        var length = Period.Between(start.InZone(calendar.Zone).Date, lastDay.PlusDays(1), PeriodUnits.Days);
        var reminders = kind == ClockKind.DesiredDate ? DaysBefore(calendar, start, lastDay) : Reminders(start, dueAt);
        return new Deadline(kind, basis, urgent, calendar.Country, calendar.Zone.Id, start, dueAt, length, DayCounting.CalendarDays, MaxExtension: null,
            Extension: null, reminders, rule.Source, false, []);
    }

    /// <summary>
    /// The requesting state's desired date <paramref name="desiredDate"/> as a clock started at <paramref name="start"/> (UNTOC Art. 18(24)): due at
    /// the end of that date in the requested country <paramref name="requestedCountry"/>'s time zone (its office acts), reminding the policy's days
    /// before (<see cref="DeadlinePolicyBook.DesiredDateReminderDays"/>). A target, not a time limit.
    /// </summary>
    public Deadline DesiredDate(LegalBasis basis, bool urgent, string requestedCountry, Instant start, LocalDate desiredDate) =>
        UntilEndOf(ClockKind.DesiredDate, basis, urgent, requestedCountry, start, desiredDate);

    /// <summary>
    /// The last day the policies give a request for <paramref name="requestedCountry"/> sent at <paramref name="transmission"/>: the end of the
    /// decision clock of its kind counted from that instant (registration on the day it arrives, the earliest the clock can start), and for a kind
    /// with an execution clock, the end of execution counted on from that end, both in the requested country's calendar. Null for a kind with
    /// no decision clock (spontaneous information).
    /// </summary>
    public LocalDate? PolicyLastDay(RequestKind kind, LegalBasis basis, bool urgent, string requestedCountry, Instant transmission)
    {
        if (kind == RequestKind.SpontaneousInformation)
            return null;
        var decision = Estimate(KindClocks.DecisionClockOf(kind), basis, urgent, requestedCountry, transmission);
        // Execution counts on from a decision taken at the last moment of the decision period (its last day, not the midnight after it).
        var end = KindClocks.HasExecutionClock(kind)
            ? Estimate(ClockKind.Execution, basis, urgent, requestedCountry, decision.DueAt - Duration.Epsilon)
            : decision;
        return end.DueAt.InZone(_calendars.For(requestedCountry).Zone).Date.PlusDays(-1);
    }

    Deadline Estimate(ClockKind kind, LegalBasis basis, bool urgent, string country, Instant start)
    {
        try
        {
            return Compute(kind, basis, urgent, country, start);
        }
        catch (CalendarYearNotCoveredException)
        {
            return Compute(kind, basis, urgent, country, start, DayCounting.CalendarDays);
        }
    }

    /// <summary>Reminders the policy's days before the end of <paramref name="lastDay"/>; one whose instant has passed at <paramref name="start"/> falls at the start.</summary>
    IReadOnlyList<DeadlineReminder> DaysBefore(BusinessCalendar calendar, Instant start, LocalDate lastDay)
    {
        var days = _policies.DesiredDateReminderDays;
        var dueAt = EndOf(calendar, lastDay);
        var at = days.Select(d => Instant.Max(start, Instant.Min(dueAt, EndOf(calendar, lastDay.PlusDays(-d))))).ToList();
        return [new DeadlineReminder(50, at[0]), new DeadlineReminder(80, at[1]), new DeadlineReminder(100, Instant.Max(start, dueAt))];
    }

    /// <summary>The deadline extended once by <paramref name="extension"/>; the caller records the reasons.</summary>
    /// <exception cref="DeadlineExtensionException">The clock cannot be extended, was already extended, or the extension is not allowed.</exception>
    public Deadline Extend(Deadline deadline, Period extension)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(extension);
        var clock = $"The {deadline.Kind} clock ({deadline.Source})";
        if (deadline.MaxExtension is not { } max) throw new DeadlineExtensionException($"{clock} cannot be extended.");
        if (deadline.Extension is not null)
            throw new DeadlineExtensionException($"{clock} was already extended by {deadline.Extension}; it may be extended only once.");
        if (!DeadlinePolicyJson.FitsCounting(extension, deadline.Counting))
            throw new DeadlineExtensionException($"{clock}: an extension of {extension} is not a positive length in {deadline.Counting}.");
        var tooLong = deadline.Counting == DayCounting.Hours ? extension.ToDuration() > max.ToDuration() : extension.Days > max.Days;
        if (tooLong) throw new DeadlineExtensionException($"{clock} may be extended by at most {max}; {extension} was asked.");

        var calendar = _calendars.For(deadline.ActingCountry);
        var end = deadline.Counting == DayCounting.Hours
            ? new PeriodEnd(deadline.DueAt + extension.ToDuration(), false, [])
            : EndOfDays(calendar, deadline.Counting, deadline.DueAt.InZone(calendar.Zone).Date.PlusDays(-1), extension.Days);
        return deadline with
        {
            DueAt = end.DueAt,
            Extension = extension,
            Reminders = Reminders(deadline.Start, end.DueAt),
            UsesUnverifiedCalendar = deadline.UsesUnverifiedCalendar || end.Unverified,
            Warnings = [.. deadline.Warnings.Concat(end.Warnings).Distinct()],
        };
    }

    static PeriodEnd EndOfDays(BusinessCalendar calendar, DayCounting counting, LocalDate after, int days)
    {
        if (counting == DayCounting.CalendarDays) return new PeriodEnd(EndOf(calendar, after.PlusDays(days)), false, []);
        if (counting == DayCounting.CalendarDaysNextWorkingDay) return NextWorkingDayEnd(calendar, after.PlusDays(days));
        var lastDay = calendar.AddBusinessDays(after, days);
        var unverifiedYears = Enumerable.Range(after.PlusDays(1).Year, lastDay.Year - after.PlusDays(1).Year + 1)
            .Where(y => !calendar.IsVerified(y))
            .ToList();
        var warnings = unverifiedYears
            .Select(y => UnverifiedYear(calendar, y))
            .Concat(calendar.ExpectedHolidaysBetween(after, lastDay).Select(h =>
                $"{calendar.Country} {h.Date:uuuu-MM-dd} ({h.Name}) was skipped as a holiday on an expected date: {h.Source}"))
            .ToList();
        return new PeriodEnd(EndOf(calendar, lastDay), unverifiedYears.Count > 0, warnings);
    }

    /// <summary>
    /// A calendar-day period whose <paramref name="lastDay"/> is moved on to the acting country's next working day when offices are closed on it.
    /// A year without calendar data stops the move (the end stays, never later than the data allows) and flags the deadline.
    /// </summary>
    static PeriodEnd NextWorkingDayEnd(BusinessCalendar calendar, LocalDate lastDay)
    {
        var warnings = new List<string>();
        var unverified = false;
        var day = lastDay;
        while (true)
        {
            if (!calendar.IsCovered(day.Year))
            {
                unverified = true;
                warnings.Add($"The {calendar.Country} calendar does not cover {day.Year} (covered: {string.Join(", ", calendar.CoveredYears)}): "
                    + $"the period ends on {day:uuuu-MM-dd} without checking whether offices are open that day.");
                break;
            }
            if (calendar.IsWorkingDay(day)) break;
            day = day.PlusDays(1);
        }
        var checkedYears = Enumerable.Range(lastDay.Year, day.Year - lastDay.Year + 1).Where(calendar.IsCovered);
        foreach (var year in checkedYears.Where(y => !calendar.IsVerified(y)))
        {
            unverified = true;
            warnings.Add(UnverifiedYear(calendar, year));
        }
        if (day > lastDay)
        {
            warnings.AddRange(calendar.ExpectedHolidaysBetween(lastDay.PlusDays(-1), day.PlusDays(-1)).Select(h =>
                $"{calendar.Country} {h.Date:uuuu-MM-dd} ({h.Name}) moved the end as a holiday on an expected date: {h.Source}"));
        }
        return new PeriodEnd(EndOf(calendar, day), unverified, warnings);
    }

    /// <summary>The warning on a deadline counted through a year whose calendar data is not verified.</summary>
    static string UnverifiedYear(BusinessCalendar calendar, int year) =>
        $"The {calendar.Country} calendar for {year} is not verified: {calendar.Year(year).Source}";

    static Instant EndOf(BusinessCalendar calendar, LocalDate lastDay) => calendar.Zone.AtStartOfDay(lastDay.PlusDays(1)).ToInstant();

    IReadOnlyList<DeadlineReminder> Reminders(Instant start, Instant due)
    {
        var interval = (due - start).ToBigIntegerNanoseconds();
        return [.. _policies.ReminderPercents.Select(p => new DeadlineReminder(p, start + Duration.FromNanoseconds(interval * p / 100)))];
    }

    sealed record PeriodEnd(Instant DueAt, bool Unverified, IReadOnlyList<string> Warnings);
}
