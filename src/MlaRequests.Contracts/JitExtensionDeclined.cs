using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The other party declined the proposed extension of a joint investigation team agreement: the agreement stays as it was.</summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The declining party's node.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who declined.</param>
/// <param name="At">When.</param>
[SinceVersion(3)]
public sealed record JitExtensionDeclined(Guid BranchId, string Node, string Reasons, string Actor, Instant At);
