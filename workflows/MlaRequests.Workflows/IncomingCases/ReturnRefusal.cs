using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A supervisor sends a proposed refusal back; the case returns to the status it was proposed from.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reasons">Why it goes back.</param>
/// <param name="Actor">Who sends it back.</param>
/// <param name="At">When.</param>
public sealed record ReturnRefusal(Guid CaseId, string Reasons, string Actor, Instant At);
