using NodaTime;

namespace MlaRequests.Domain.Deadlines;

/// <summary>One clock's rule: how long, how counted, how far it may be extended, and where the number comes from.</summary>
/// <param name="Kind">The clock.</param>
/// <param name="Length">The period: days (P7D) for day counting, hours (PT24H) for hour counting.</param>
/// <param name="Counting">Calendar days, business days or exact hours.</param>
/// <param name="MaxExtension">The largest single extension allowed, or null when the clock cannot be extended.</param>
/// <param name="Source">The legal source of the number, or "design choice: ...".</param>
public sealed record DeadlineRule(ClockKind Kind, Period Length, DayCounting Counting, Period? MaxExtension, string Source);
