using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A supervisor sends a proposed refusal of one measure back: the proposal is withdrawn, nothing leaves the node.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Measure">The measure's 1-based position in the transmitted content.</param>
/// <param name="Reasons">Why it goes back (shown to the proposer).</param>
/// <param name="Actor">Who sends it back.</param>
/// <param name="At">When.</param>
public sealed record ReturnMeasureRefusal(Guid CaseId, int Measure, string Reasons, string Actor, Instant At);
