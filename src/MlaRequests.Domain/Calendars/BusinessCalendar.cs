using NodaTime;

namespace MlaRequests.Domain.Calendars;

/// <summary>
/// One country's working days: its weekend, its holidays, its rule for a holiday on a weekend and the
/// decrees that move single days, for the years the data covers. A day is a working day unless a decree
/// says otherwise, it is a holiday, a holiday's day off was moved onto it, or it is a weekend day.
/// Asking about a year the data does not cover throws <see cref="CalendarYearNotCoveredException"/>.
/// </summary>
public sealed class BusinessCalendar
{
    readonly Dictionary<int, CalendarYear> _years;
    readonly Dictionary<LocalDate, CalendarHoliday> _holidays = [];
    readonly Dictionary<LocalDate, CalendarOverride> _overrides = [];
    readonly Dictionary<LocalDate, CalendarHoliday> _movedDaysOff = [];

    /// <summary>Builds the calendar and computes where the weekend rule moves each holiday's day off.</summary>
    public BusinessCalendar(
        string country, DateTimeZone zone, IReadOnlySet<IsoDayOfWeek> weekend, HolidayOnWeekendRule holidayOnWeekend, IEnumerable<CalendarYear> years)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weekend);
        ArgumentNullException.ThrowIfNull(holidayOnWeekend);
        ArgumentNullException.ThrowIfNull(years);
        Country = country;
        Zone = zone;
        Weekend = weekend;
        HolidayOnWeekend = holidayOnWeekend;
        _years = years.ToDictionary(y => y.Year);
        foreach (var year in _years.Values)
        {
            foreach (var holiday in year.Holidays) _holidays.Add(holiday.Date, holiday);
            foreach (var change in year.Overrides) _overrides.Add(change.Date, change);
        }
        MoveDaysOffOfWeekendHolidays();
    }

    /// <summary>The country code (KZ, KG, TJ, TM, UZ).</summary>
    public string Country { get; }

    /// <summary>The time zone in which the country's authorities count days.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The weekly days off of the five-day week.</summary>
    public IReadOnlySet<IsoDayOfWeek> Weekend { get; }

    /// <summary>The labour code's rule for a holiday on a weekend day.</summary>
    public HolidayOnWeekendRule HolidayOnWeekend { get; }

    /// <summary>The years the data covers, ascending.</summary>
    public IReadOnlyList<int> CoveredYears => [.. _years.Keys.Order()];

    /// <summary>The data of one covered year.</summary>
    public CalendarYear Year(int year) => _years.TryGetValue(year, out var data) ? data : throw NotCovered(year);

    /// <summary>True when the data covers <paramref name="year"/>.</summary>
    public bool IsCovered(int year) => _years.ContainsKey(year);

    /// <summary>True when <paramref name="year"/> is covered and its acts were published and reviewed; false for expectations and uncovered years.</summary>
    public bool IsVerified(int year) => _years.TryGetValue(year, out var data) && data.Verified;

    /// <summary>True when public bodies work on <paramref name="date"/>.</summary>
    /// <exception cref="CalendarYearNotCoveredException">The data does not cover the date's year.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        if (!IsCovered(date.Year)) throw NotCovered(date.Year);
        if (_overrides.TryGetValue(date, out var change)) return change.Day == OverrideDay.WorkingDay;
        return !_holidays.ContainsKey(date) && !_movedDaysOff.ContainsKey(date) && !Weekend.Contains(date.DayOfWeek);
    }

    /// <summary>
    /// The date on which <paramref name="days"/> working days after <paramref name="date"/> are complete: the
    /// given date itself is not counted, each following working day counts one. Zero days gives the date back.
    /// </summary>
    /// <exception cref="CalendarYearNotCoveredException">The count reaches a year the data does not cover.</exception>
    public LocalDate AddBusinessDays(LocalDate date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var current = date;
        for (var counted = 0; counted < days;)
        {
            current = current.PlusDays(1);
            if (IsWorkingDay(current)) counted++;
        }
        return current;
    }

    /// <summary>The holiday on <paramref name="date"/>, if any.</summary>
    public CalendarHoliday? HolidayOn(LocalDate date) => _holidays.GetValueOrDefault(date);

    /// <summary>The weekend holiday whose day off the labour code moved onto <paramref name="date"/>, if any.</summary>
    public CalendarHoliday? DayOffMovedFrom(LocalDate date) => _movedDaysOff.GetValueOrDefault(date);

    /// <summary>The holidays after <paramref name="after"/> up to <paramref name="through"/> whose dates are only expected.</summary>
    public IReadOnlyList<CalendarHoliday> ExpectedHolidaysBetween(LocalDate after, LocalDate through) =>
        [.. _holidays.Values.Where(h => h.Status == DateStatus.Expected && h.Date > after && h.Date <= through).OrderBy(h => h.Date)];

    void MoveDaysOffOfWeekendHolidays()
    {
        foreach (var holiday in _holidays.Values.OrderBy(h => h.Date))
        {
            var day = holiday.Date.DayOfWeek;
            if (!Weekend.Contains(day) || !HolidayOnWeekend.Moves(holiday.Kind, day)) continue;
            if (_overrides.TryGetValue(holiday.Date, out var change) && change.Day == OverrideDay.WorkingDay) continue;
            var target = holiday.Date.PlusDays(1);
            while (!IsOrdinaryWorkingDay(target) || _movedDaysOff.ContainsKey(target)) target = target.PlusDays(1);
            _movedDaysOff.Add(target, holiday);
        }
    }

    bool IsOrdinaryWorkingDay(LocalDate date) =>
        _overrides.TryGetValue(date, out var change)
            ? change.Day == OverrideDay.WorkingDay
            : !_holidays.ContainsKey(date) && !Weekend.Contains(date.DayOfWeek);

    CalendarYearNotCoveredException NotCovered(int year) => new(Country, year, CoveredYears);
}
