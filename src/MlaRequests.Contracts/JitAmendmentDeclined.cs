using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The other party declined the proposed amendment of a joint investigation team agreement: the agreement in force stays as it was.</summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The declining party's node.</param>
/// <param name="AmendmentId">The amendment declined.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who declined.</param>
/// <param name="At">When.</param>
[SinceVersion(4)]
public sealed record JitAmendmentDeclined(Guid BranchId, string Node, Guid AmendmentId, string Reasons, string Actor, Instant At);
