using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>A suspended clock counts again: its due instant and reminders move by the time it spent suspended.</summary>
/// <param name="ClockId">The clock.</param>
/// <param name="At">When the suspension ended (the answer arrived).</param>
public sealed record ResumeClock(Guid ClockId, Instant At);
