using NodaTime;

namespace MlaRequests.Domain.Calendars;

/// <summary>A decree that changes one day: a weekday made a day off or a Saturday made a working day.</summary>
/// <param name="Date">The day changed.</param>
/// <param name="Day">What the day becomes.</param>
/// <param name="Reason">Why (the swap or occasion).</param>
/// <param name="Source">The decree (name, date, number where known).</param>
public sealed record CalendarOverride(LocalDate Date, OverrideDay Day, string Reason, string Source);
