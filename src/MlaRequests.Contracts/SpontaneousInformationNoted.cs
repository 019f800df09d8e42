using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The receiving authority took note of spontaneous information without opening a case; the sender's branch completes.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The receiving node.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record SpontaneousInformationNoted(Guid BranchId, string Node, string Actor, Instant At);
