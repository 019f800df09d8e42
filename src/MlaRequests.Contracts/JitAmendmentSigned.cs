using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The other party signed the proposed amendment of a joint investigation team agreement: the amended agreement is in force on both nodes.</summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The signing party's node.</param>
/// <param name="AmendmentId">The amendment signed.</param>
/// <param name="Actor">Who signed.</param>
/// <param name="At">When.</param>
[SinceVersion(4)]
public sealed record JitAmendmentSigned(Guid BranchId, string Node, Guid AmendmentId, string Actor, Instant At);
