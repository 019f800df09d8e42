using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The other party signed the proposed extension of a joint investigation team agreement: the new end date is in force on both nodes.</summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The signing party's node.</param>
/// <param name="EndsOn">The end date signed (the one proposed).</param>
/// <param name="Actor">Who signed.</param>
/// <param name="At">When.</param>
[SinceVersion(3)]
public sealed record JitExtensionSigned(Guid BranchId, string Node, LocalDate EndsOn, string Actor, Instant At);
