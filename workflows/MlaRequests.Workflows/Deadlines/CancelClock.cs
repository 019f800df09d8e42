using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>The clock no longer applies (request withdrawn, refused, postponed).</summary>
/// <param name="ClockId">The clock.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record CancelClock(Guid ClockId, string Reason, Instant At);
