using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requested authority refused the request on coded grounds, with reasons.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Grounds">Refusal ground codes.</param>
/// <param name="Reasons">Mandatory reasons (UNTOC Art. 18(23)).</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record IncomingRequestRefused(Guid BranchId, string Node, IReadOnlyList<string> Grounds, string Reasons, string Actor, Instant At);
