using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>This party declines to sign the joint investigation team agreement, with reasons.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who declines.</param>
/// <param name="At">When.</param>
public sealed record DeclineJitAgreement(Guid CaseId, string Reasons, string Actor, Instant At);
