using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>This party declines the amendment the requesting country proposed, with reasons.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="AmendmentId">The open amendment.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who declines.</param>
/// <param name="At">When.</param>
public sealed record DeclineJitAmendment(Guid CaseId, Guid AmendmentId, string Reasons, string Actor, Instant At);
