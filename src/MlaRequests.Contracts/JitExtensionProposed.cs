using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// One party of a joint investigation team agreement in force proposes a later end date, with reasons (UNTOC Art. 19: the team
/// exists for the period the parties agree, so a longer period is agreed the same way, by both). The other party signs or declines it.
/// </summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The proposing party's node.</param>
/// <param name="EndsOn">The proposed new last day of the agreement.</param>
/// <param name="Reasons">Why the team needs longer.</param>
/// <param name="Actor">Who proposed it.</param>
/// <param name="At">When.</param>
[SinceVersion(3)]
public sealed record JitExtensionProposed(Guid BranchId, string Node, LocalDate EndsOn, string Reasons, string Actor, Instant At);
