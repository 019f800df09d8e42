using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>This (requesting) party signs the joint investigation team agreement with one requested country.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Actor">Who signs (a liaison officer or prosecutor of this node).</param>
/// <param name="At">When.</param>
public sealed record SignAgreementWithTarget(Guid BranchId, string Actor, Instant At);
