using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>This (requesting) party declines the amendment the requested country proposed, with reasons.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="AmendmentId">The open amendment.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who declines.</param>
/// <param name="At">When.</param>
public sealed record DeclineAmendmentWithTarget(Guid BranchId, Guid AmendmentId, string Reasons, string Actor, Instant At);
