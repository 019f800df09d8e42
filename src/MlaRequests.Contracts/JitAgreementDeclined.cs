using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>One party declined to sign a joint investigation team agreement: the proposal ends between the two parties of this branch.</summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The declining party's node.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who declined.</param>
/// <param name="At">When.</param>
[SinceVersion(2)]
public sealed record JitAgreementDeclined(Guid BranchId, string Node, string Reasons, string Actor, Instant At);
