using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>A party's team leader closed a joint investigation team agreement in force, with an evaluation note the other party sees.</summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The closing party's node.</param>
/// <param name="Evaluation">The evaluation of the team's work.</param>
/// <param name="Actor">Who closed it.</param>
/// <param name="At">When.</param>
[SinceVersion(2)]
public sealed record JitAgreementClosed(Guid BranchId, string Node, string Evaluation, string Actor, Instant At);
