using MlaRequests.Contracts.Parts;
using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A liaison officer accepts the request under conditions (UNTOC Art. 18(26)); execution starts as after an acceptance.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Conditions">The conditions, at least one.</param>
/// <param name="DomesticCaseReference">The linked domestic case opened for a mirror investigation.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record AcceptIncomingUnderConditions(Guid CaseId, IReadOnlyList<AgreedCondition> Conditions, string? DomesticCaseReference, string Actor, Instant At);
