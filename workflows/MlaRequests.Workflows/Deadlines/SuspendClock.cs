using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>
/// Stops a clock from counting while the acting side waits for the other (the recognition clock while the requested
/// authority waits for additional information); the time left is kept.
/// </summary>
/// <param name="ClockId">The clock.</param>
/// <param name="At">When the suspension began.</param>
public sealed record SuspendClock(Guid ClockId, Instant At);
