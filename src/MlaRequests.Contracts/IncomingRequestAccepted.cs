using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requested authority recognised the request; execution starts. For a mirror investigation the receiving node opened its linked domestic case.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="DomesticCaseReference">The linked domestic case, for mirror investigations.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
/// <param name="ProvisionalDecisionsFollow">
/// True from a requested node that reports each provisional measure's decision (<see cref="ProvisionalMeasureDecided"/>, version 4): the
/// requesting node's clocks of undecided provisional measures keep running past the acceptance. Absent (false) from an earlier release:
/// they stop at the acceptance, as before.
/// </param>
public sealed record IncomingRequestAccepted(Guid BranchId, string Node, string? DomesticCaseReference, string Actor, Instant At, bool ProvisionalDecisionsFollow = false);
