using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// A multilateral joint investigation team agreement: the requesting country tells one requested country that another party is no
/// longer a party (it declined, refused the proposal, or the requesting country withdrew the request from it). The agreement goes on
/// among the remaining parties (UNTOC Art. 19: the agreement binds the states concerned) and enters into force when all of them have
/// signed. Sent by the requesting country only.
/// </summary>
/// <param name="BranchId">The receiving country's branch (its case).</param>
/// <param name="Node">The relaying node (the requesting country).</param>
/// <param name="Party">The party that left.</param>
/// <param name="Outcome">How its branch ended (<c>AgreementDeclined</c>, <c>Refused</c>, <c>Withdrawn</c>...).</param>
/// <param name="At">When its branch ended.</param>
[SinceVersion(4)]
public sealed record JitPartyLeft(Guid BranchId, string Node, string Party, string Outcome, Instant At);
