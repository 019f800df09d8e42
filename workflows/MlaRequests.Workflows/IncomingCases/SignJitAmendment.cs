using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>This party signs the amendment the requesting country proposed.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="AmendmentId">The open amendment.</param>
/// <param name="Actor">Who signs.</param>
/// <param name="At">When.</param>
public sealed record SignJitAmendment(Guid CaseId, Guid AmendmentId, string Actor, Instant At);
