using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>
/// An administrator loaded or removed a calendar year, and this clock's due instant changes with it: move it to the new plan
/// (computed by the node from the clock's start and policy, <see cref="Calendars.ClockRecalculation"/>). Stays on the node.
/// </summary>
/// <param name="ClockId">The clock.</param>
/// <param name="Was">The due instant the plan was computed against; a clock whose due instant changed since (extended, resumed) is left as it is.</param>
/// <param name="DueAt">The new due instant.</param>
/// <param name="Reminder50At">The new 50 % reminder.</param>
/// <param name="Reminder80At">The new 80 % reminder.</param>
/// <param name="CalendarVerified">Whether the new plan uses only verified calendar data.</param>
/// <param name="Country">The country whose calendar changed.</param>
/// <param name="Year">The year loaded or removed.</param>
/// <param name="Actor">The administrator.</param>
/// <param name="Note">Where the corrected year comes from (the year's source, or the removal's reason).</param>
/// <param name="At">When the change was applied.</param>
public sealed record MoveClockForCalendar(
    Guid ClockId, Instant Was, Instant DueAt, Instant Reminder50At, Instant Reminder80At, bool CalendarVerified, string Country, int Year, string Actor, string Note,
    Instant At);
