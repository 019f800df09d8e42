using NodaTime;

namespace MlaRequests.Domain.Deadlines;

/// <summary>A reminder at a share of a deadline's interval.</summary>
/// <param name="Percent">The share of the interval from start to due, in percent (100 is the due instant itself).</param>
/// <param name="At">The instant of the reminder.</param>
public sealed record DeadlineReminder(int Percent, Instant At);
