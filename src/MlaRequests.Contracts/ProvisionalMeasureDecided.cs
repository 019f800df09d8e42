using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// The requested authority recorded a provisional measure's decision (a freezing or a preservation requested with the
/// request, ordered or refused by its competent authority), before or after the request itself is accepted. The
/// requesting node stops that measure's clock and shows the decision in its table per country and measure.
/// </summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Measure">The measure's 1-based position in the content transmitted with <see cref="RequestTransmitted"/>.</param>
/// <param name="Outcome">Ordered or Refused.</param>
/// <param name="DecidedAt">When the authority ordered or refused it.</param>
/// <param name="Authority">Which authority.</param>
/// <param name="Grounds">Coded refusal grounds (empty unless given with a refusal).</param>
/// <param name="Reasons">Reasons (always given with a refusal).</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="At">When it was recorded.</param>
[SinceVersion(4)]
public sealed record ProvisionalMeasureDecided(Guid BranchId, string Node, int Measure, string Outcome, Instant DecidedAt, string Authority,
    IReadOnlyList<string> Grounds, string? Reasons, string Actor, Instant At);
