using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A liaison officer proposes to refuse the request; it leaves the node only once a supervisor signs it off.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Grounds">Ground codes.</param>
/// <param name="Reasons">Reasons.</param>
/// <param name="Actor">Who proposes.</param>
/// <param name="At">When.</param>
public sealed record ProposeRefusal(Guid CaseId, IReadOnlyList<string> Grounds, string Reasons, string Actor, Instant At);
