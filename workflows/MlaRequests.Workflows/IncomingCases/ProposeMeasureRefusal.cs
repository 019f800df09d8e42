using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>The executing authority proposes to refuse one measure; nothing leaves the node until a supervisor signs it off.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Measure">The measure's 1-based position in the transmitted content.</param>
/// <param name="Grounds">Coded grounds.</param>
/// <param name="Reasons">Reasons.</param>
/// <param name="Actor">Who proposes.</param>
/// <param name="At">When.</param>
public sealed record ProposeMeasureRefusal(Guid CaseId, int Measure, IReadOnlyList<string> Grounds, string Reasons, string Actor, Instant At);
