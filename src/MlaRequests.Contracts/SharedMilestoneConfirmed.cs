using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>A participating requested country confirmed its readiness for a shared milestone.</summary>
/// <param name="BranchId">The branch (the requesting node's branch to the confirming country).</param>
/// <param name="Node">The confirming node.</param>
/// <param name="MilestoneId">The milestone.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
[SinceVersion(2)]
public sealed record SharedMilestoneConfirmed(Guid BranchId, string Node, Guid MilestoneId, string Actor, Instant At);
