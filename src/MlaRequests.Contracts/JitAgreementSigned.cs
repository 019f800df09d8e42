using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// One party of a joint investigation team agreement signed it on its own node (UNTOC Art. 19: the team exists by agreement).
/// The agreement is in force when every party of it has signed. Sent by either party of the branch to the other, never by a
/// third country.
/// </summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The signing party's node.</param>
/// <param name="Actor">Who signed (a liaison officer or prosecutor of that party).</param>
/// <param name="At">When.</param>
[SinceVersion(2)]
public sealed record JitAgreementSigned(Guid BranchId, string Node, string Actor, Instant At);
