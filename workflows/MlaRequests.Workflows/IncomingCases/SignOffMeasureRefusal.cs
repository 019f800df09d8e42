using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A supervisor (not the proposer) signs off a proposed refusal of one measure, which is then reported.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Measure">The measure's 1-based position in the transmitted content.</param>
/// <param name="Grounds">The proposal's coded grounds.</param>
/// <param name="Reasons">The proposal's reasons.</param>
/// <param name="Actor">Who signs off.</param>
/// <param name="At">When.</param>
public sealed record SignOffMeasureRefusal(Guid CaseId, int Measure, IReadOnlyList<string> Grounds, string Reasons, string Actor, Instant At);
