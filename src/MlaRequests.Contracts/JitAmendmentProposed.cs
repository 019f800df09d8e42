using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// One party of a joint investigation team agreement in force proposes an amended agreement (members, leaders, purpose, arrangements),
/// with reasons (UNTOC Art. 19: the team is what the parties agree, so a change is agreed by both). The other party signs or declines
/// it. The agreement names the team's members: like every payload it crosses the border sealed for the receiving node.
/// </summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The proposing party's node.</param>
/// <param name="AmendmentId">The amendment, the same on both nodes (the version's id once signed).</param>
/// <param name="Number">The version number it takes once signed.</param>
/// <param name="AgreementJson">The whole amended agreement (the request content's <c>jit</c> shape, as JSON), with the period in force.</param>
/// <param name="Reasons">Why it is amended.</param>
/// <param name="Actor">Who proposed it.</param>
/// <param name="At">When.</param>
[SinceVersion(4)]
public sealed record JitAmendmentProposed(Guid BranchId, string Node, Guid AmendmentId, int Number, string AgreementJson, string Reasons, string Actor, Instant At);
