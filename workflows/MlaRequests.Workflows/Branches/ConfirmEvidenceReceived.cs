using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>The requesting prosecutor confirms the evidence arrived; the branch completes.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record ConfirmEvidenceReceived(Guid BranchId, string Actor, Instant At);
