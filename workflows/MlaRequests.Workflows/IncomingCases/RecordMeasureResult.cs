using MlaRequests.Domain.Measures;
using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>The executing authority (or a liaison officer) records one measure's status.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Measure">The measure's 1-based position in the transmitted content.</param>
/// <param name="Status">Its status (not <see cref="MeasureStatus.Refused"/>: a refusal is signed off).</param>
/// <param name="Summary">What was done, or why it cannot be.</param>
/// <param name="Reasons">Why it is impossible.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record RecordMeasureResult(Guid CaseId, int Measure, MeasureStatus Status, string Summary, string? Reasons, string Actor, Instant At);
