using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>This (requesting) party declines to sign the agreement with one requested country, with reasons.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who declines.</param>
/// <param name="At">When.</param>
public sealed record DeclineAgreementWithTarget(Guid BranchId, string Reasons, string Actor, Instant At);
