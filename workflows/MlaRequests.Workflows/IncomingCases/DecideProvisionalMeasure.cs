using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>The requested authority records a provisional measure's decision (ordered or refused).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Measure">The measure's 1-based position in the transmitted content (a freezing or a preservation).</param>
/// <param name="Outcome">Ordered or Refused.</param>
/// <param name="DecidedAt">When the authority ordered or refused it.</param>
/// <param name="Authority">Which authority.</param>
/// <param name="Grounds">Coded refusal grounds (optional, only with a refusal).</param>
/// <param name="Reasons">Reasons (required for a refusal).</param>
/// <param name="Actor">Who records it.</param>
/// <param name="At">When.</param>
public sealed record DecideProvisionalMeasure(Guid CaseId, int Measure, string Outcome, Instant DecidedAt, string Authority, IReadOnlyList<string> Grounds,
    string? Reasons, string Actor, Instant At);
