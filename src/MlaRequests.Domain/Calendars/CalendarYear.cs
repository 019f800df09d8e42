namespace MlaRequests.Domain.Calendars;

/// <summary>One country's holidays and decree overrides for one year.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Verified">True when the year's acts were published and reviewed; false when the data is an expectation.</param>
/// <param name="Source">Where the year's data comes from, or "expected: decree not yet published".</param>
/// <param name="Holidays">The non-working holidays, one per date.</param>
/// <param name="Overrides">The decree-moved days, one per date.</param>
/// <param name="Observances">Dates kept for reference that are not days off (Kazakhstan's Oraza ait); they never change a working day.</param>
public sealed record CalendarYear(
    int Year,
    bool Verified,
    string Source,
    IReadOnlyList<CalendarHoliday> Holidays,
    IReadOnlyList<CalendarOverride> Overrides,
    IReadOnlyList<CalendarHoliday> Observances);
