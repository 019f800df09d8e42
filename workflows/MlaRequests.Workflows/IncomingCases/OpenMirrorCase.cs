using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>Spontaneous information is turned into a mirror case on this node.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="DomesticCaseReference">The new domestic case.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record OpenMirrorCase(Guid CaseId, string DomesticCaseReference, string Actor, Instant At);
