using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requesting authority confirmed it received the evidence; the branch is complete.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requesting node.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record EvidenceReceiptConfirmed(Guid BranchId, string Node, string Actor, Instant At);
