using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>The evidence is sent to the requesting country (the response).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Description">What was sent.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record TransferEvidence(Guid CaseId, string Description, string Actor, Instant At);
