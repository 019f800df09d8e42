using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A supervisor, not the proposer, signs off the proposed refusal: it is sent to the requesting country.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Grounds">The proposal's ground codes.</param>
/// <param name="Reasons">The proposal's reasons.</param>
/// <param name="Actor">Who signs off.</param>
/// <param name="At">When.</param>
public sealed record SignOffRefusal(Guid CaseId, IReadOnlyList<string> Grounds, string Reasons, string Actor, Instant At);
