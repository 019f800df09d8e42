using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// A multilateral joint investigation team agreement (UNTOC Art. 19): the requesting country tells one requested country that another
/// requested country of the same agreement has signed it, and that the requesting country has signed with that party too. The border is
/// bilateral per branch, so only the requesting country relays; the requested country's case enters into force only when every party's
/// signature is present. Sent by the requesting country only; a relay naming the receiving country itself or a country that is not a
/// party of the agreement is refused at the border.
/// </summary>
/// <param name="BranchId">The receiving country's branch (its case).</param>
/// <param name="Node">The relaying node (the requesting country).</param>
/// <param name="Party">The party that signed (another requested country of the agreement).</param>
/// <param name="Actor">Who signed for that party.</param>
/// <param name="SignedAt">When that party signed.</param>
[SinceVersion(4)]
public sealed record JitSignatureRelayed(Guid BranchId, string Node, string Party, string Actor, Instant SignedAt);
