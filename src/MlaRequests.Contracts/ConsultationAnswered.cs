using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// The requesting authority answered a consultation (<see cref="ConsultationOpened"/>): it accepts what was proposed (the conditions,
/// or the intended postponement or refusal), or supplies what is missing. A withdrawal is <see cref="RequestWithdrawn"/>, as ever.
/// </summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requesting node.</param>
/// <param name="ConsultationId">The consultation answered.</param>
/// <param name="Decision">Accepted or Supplied.</param>
/// <param name="Answer">The supplied information, or a note with the acceptance (may be empty then).</param>
/// <param name="Actor">Who answered.</param>
/// <param name="At">When.</param>
[SinceVersion(2)]
public sealed record ConsultationAnswered(Guid BranchId, string Node, Guid ConsultationId, string Decision, string Answer, string Actor, Instant At);
