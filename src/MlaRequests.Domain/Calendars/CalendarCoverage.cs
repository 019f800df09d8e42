using NodaTime;

namespace MlaRequests.Domain.Calendars;

/// <summary>A country whose calendar data runs out soon: deadlines after its last covered day are counted without its holidays.</summary>
/// <param name="Country">The country code.</param>
/// <param name="LastCoveredDay">The last day of the last year the data covers.</param>
/// <param name="DaysLeft">Days from today to that day (negative once it has passed).</param>
public sealed record CalendarRunningOut(string Country, LocalDate LastCoveredDay, int DaysLeft);

/// <summary>
/// How far each country's calendar data reaches. Supervisors and administrators are warned from <see cref="WarningDays"/> days
/// before the last covered day of any country's calendar, so the next year is loaded before clocks need it.
/// </summary>
public static class CalendarCoverage
{
    /// <summary>How many days before the last covered day the warning starts.</summary>
    public const int WarningDays = 90;

    /// <summary>The last day of the last year <paramref name="calendar"/> covers.</summary>
    public static LocalDate LastCoveredDay(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new LocalDate(calendar.CoveredYears[^1], 12, 31);
    }

    /// <summary>The countries whose data ends within <see cref="WarningDays"/> days of <paramref name="today"/> (or has ended), by country.</summary>
    public static IReadOnlyList<CalendarRunningOut> RunningOut(CalendarBook calendars, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        return
        [
            .. calendars.Countries
                .Select(c => (Country: c, Last: LastCoveredDay(calendars.For(c))))
                .Select(c => new CalendarRunningOut(c.Country, c.Last, Period.Between(today, c.Last, PeriodUnits.Days).Days))
                .Where(r => r.DaysLeft <= WarningDays),
        ];
    }
}
