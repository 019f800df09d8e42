using NodaTime;

namespace MlaRequests.Domain.Calendars;

/// <summary>A non-working holiday of one country on one date.</summary>
/// <param name="Date">The date of the holiday.</param>
/// <param name="Name">Its name, in English.</param>
/// <param name="Kind">State or religious (matters for the weekend rule).</param>
/// <param name="Status">Official, or only expected (an Islamic date not yet fixed by decree).</param>
/// <param name="Source">The act (name and number) or "expected: ..." with the reason.</param>
public sealed record CalendarHoliday(LocalDate Date, string Name, HolidayKind Kind, DateStatus Status, string Source);
