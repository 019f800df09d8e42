using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>The step the clock waited for happened: the clock is met.</summary>
/// <param name="ClockId">The clock.</param>
/// <param name="At">When.</param>
public sealed record StopClock(Guid ClockId, Instant At);
