using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requesting country changed a shared milestone once for every participating country: rescheduled, cancelled or done.</summary>
/// <param name="BranchId">The branch (the receiving node's case).</param>
/// <param name="Node">The requesting node.</param>
/// <param name="MilestoneId">The milestone.</param>
/// <param name="Change">Rescheduled, Cancelled or Done.</param>
/// <param name="Date">The milestone's date after the change.</param>
/// <param name="Reason">Why (a reschedule or cancellation), or null.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
[SinceVersion(2)]
public sealed record SharedMilestoneChanged(Guid BranchId, string Node, Guid MilestoneId, string Change, LocalDate Date, string? Reason, string Actor, Instant At);
