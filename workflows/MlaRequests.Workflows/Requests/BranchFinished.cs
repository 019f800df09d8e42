using NodaTime;

namespace MlaRequests.Workflows.Requests;

/// <summary>A branch reached a final status (refused, completed, withdrawn).</summary>
/// <param name="RequestId">The request.</param>
/// <param name="BranchId">The branch.</param>
/// <param name="Outcome">The final status.</param>
/// <param name="At">When.</param>
public sealed record BranchFinished(Guid RequestId, Guid BranchId, string Outcome, Instant At);
