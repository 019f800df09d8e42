using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>One side confirmed a shared milestone.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="MilestoneId">The milestone.</param>
/// <param name="Node">The confirming node.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record MilestoneConfirmed(Guid BranchId, Guid MilestoneId, string Node, string Actor, Instant At);
