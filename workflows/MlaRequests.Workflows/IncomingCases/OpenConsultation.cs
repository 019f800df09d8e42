using MlaRequests.Contracts.Parts;
using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A liaison officer consults the requesting country before refusing or postponing (UNTOC Art. 18(26)).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ConsultationId">The new consultation.</param>
/// <param name="Purpose">Conditions, IntendedRefusal or IntendedPostponement.</param>
/// <param name="Grounds">Refusal or postponement ground codes (none for conditions).</param>
/// <param name="Conditions">The proposed conditions (purpose Conditions only).</param>
/// <param name="Reasons">The reasons.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record OpenConsultation(Guid CaseId, Guid ConsultationId, string Purpose, IReadOnlyList<string> Grounds, IReadOnlyList<AgreedCondition> Conditions,
    string Reasons, string Actor, Instant At);
