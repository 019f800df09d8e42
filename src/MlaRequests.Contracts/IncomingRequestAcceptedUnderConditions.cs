using MlaRequests.Contracts.Parts;
using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// The requested authority recognised the request under conditions (UNTOC Art. 18(26)); execution starts as after
/// <see cref="IncomingRequestAccepted"/>, and the requesting side is bound by the conditions.
/// </summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Conditions">The conditions, at least one.</param>
/// <param name="DomesticCaseReference">The linked domestic case, for mirror investigations.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
/// <param name="ProvisionalDecisionsFollow">As on <see cref="IncomingRequestAccepted"/>: true when the requested node reports provisional decisions.</param>
[SinceVersion(2)]
public sealed record IncomingRequestAcceptedUnderConditions(Guid BranchId, string Node, IReadOnlyList<AgreedCondition> Conditions, string? DomesticCaseReference,
    string Actor, Instant At, bool ProvisionalDecisionsFollow = false);
