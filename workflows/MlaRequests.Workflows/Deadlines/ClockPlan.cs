using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>When a clock is due and when it reminds, as computed from the policy and the acting country's calendar.</summary>
/// <param name="DueAt">The due instant (100 %).</param>
/// <param name="Reminder50At">The 50 % reminder.</param>
/// <param name="Reminder80At">The 80 % reminder.</param>
/// <param name="Length">The period as the policy states it (e.g. <c>P5D business days</c>).</param>
/// <param name="Source">The legal source of the length.</param>
/// <param name="TimeZone">The acting authority's time zone.</param>
/// <param name="CalendarVerified">False when an unverified or uncovered calendar year was used: shown to users, not hidden.</param>
public sealed record ClockPlan(Instant DueAt, Instant Reminder50At, Instant Reminder80At, string Length, string Source, string TimeZone, bool CalendarVerified);
