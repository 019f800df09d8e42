using NodaTime;

namespace MlaRequests.Workflows.Requests;

/// <summary>A requested country accepted its branch (for a JIT proposal: that party agreed).</summary>
/// <param name="RequestId">The request.</param>
/// <param name="BranchId">The branch.</param>
/// <param name="Country">The accepting country.</param>
/// <param name="At">When.</param>
public sealed record BranchAccepted(Guid RequestId, Guid BranchId, string Country, Instant At);
