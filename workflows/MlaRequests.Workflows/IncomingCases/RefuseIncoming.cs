using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>The request is refused on coded grounds with reasons.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Grounds">Ground codes.</param>
/// <param name="Reasons">Reasons.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record RefuseIncoming(Guid CaseId, IReadOnlyList<string> Grounds, string Reasons, string Actor, Instant At);
