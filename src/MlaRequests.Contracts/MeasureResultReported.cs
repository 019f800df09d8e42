using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// The requested authority reports one measure's result: its status (InExecution, Executed, PartiallyExecuted, Refused or
/// Impossible) with a summary, and for a refusal the coded grounds and reasons a supervisor signed off.
/// </summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Measure">The measure's 1-based position in the content transmitted with <see cref="RequestTransmitted"/>.</param>
/// <param name="Status">Its status.</param>
/// <param name="Summary">What was done, or why not.</param>
/// <param name="Grounds">Refusal ground codes (empty unless refused).</param>
/// <param name="Reasons">Reasons of a refusal or an impossibility.</param>
/// <param name="Actor">Who recorded it (for a refusal: who signed it off).</param>
/// <param name="At">When.</param>
[SinceVersion(2)]
public sealed record MeasureResultReported(Guid BranchId, string Node, int Measure, string Status, string Summary, IReadOnlyList<string> Grounds,
    string? Reasons, string Actor, Instant At);
