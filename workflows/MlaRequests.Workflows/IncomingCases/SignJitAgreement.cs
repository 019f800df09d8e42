using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>This party signs the joint investigation team agreement on its own node.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who signs (a liaison officer or prosecutor of this node).</param>
/// <param name="At">When.</param>
public sealed record SignJitAgreement(Guid CaseId, string Actor, Instant At);
