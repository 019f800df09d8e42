using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>Extends a running clock once, within the policy's maximum, with reasons.</summary>
/// <param name="ClockId">The clock.</param>
/// <param name="Extension">How much longer.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record ExtendClock(Guid ClockId, Period Extension, string Reasons, string Actor, Instant At);
