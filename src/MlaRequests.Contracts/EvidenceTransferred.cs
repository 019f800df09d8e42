using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requested authority sent the evidence (the response).</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Description">What was sent and how.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record EvidenceTransferred(Guid BranchId, string Node, string Description, string Actor, Instant At);
