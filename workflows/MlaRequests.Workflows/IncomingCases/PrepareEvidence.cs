using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>The executing authority has the evidence ready; a liaison officer reviews it and transfers it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Description">What is ready (items, the measures they answer).</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record PrepareEvidence(Guid CaseId, string Description, string Actor, Instant At);
