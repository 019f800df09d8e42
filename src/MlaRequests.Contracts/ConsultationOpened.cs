using MlaRequests.Contracts.Parts;
using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// The requested authority consults the requesting one before it refuses or postpones (UNTOC Art. 18(26)): it proposes conditions
/// under which it would execute, or announces an intended refusal or postponement, with coded grounds and reasons.
/// </summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The requested node.</param>
/// <param name="ConsultationId">The consultation, the same on both nodes.</param>
/// <param name="Purpose">Conditions, IntendedRefusal or IntendedPostponement.</param>
/// <param name="Grounds">Refusal ground codes (intended refusal) or postponement ground codes (intended postponement); empty for conditions.</param>
/// <param name="Conditions">The proposed conditions (purpose Conditions); empty otherwise.</param>
/// <param name="Reasons">The reasons (mandatory).</param>
/// <param name="Actor">Who opened it.</param>
/// <param name="At">When.</param>
[SinceVersion(2)]
public sealed record ConsultationOpened(Guid BranchId, string Node, Guid ConsultationId, string Purpose, IReadOnlyList<string> Grounds,
    IReadOnlyList<AgreedCondition> Conditions, string Reasons, string Actor, Instant At);
