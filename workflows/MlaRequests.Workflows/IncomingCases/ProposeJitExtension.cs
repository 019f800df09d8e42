using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>This party proposes a later end date for the JIT agreement in force, with reasons.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="EndsOn">The proposed new last day.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who proposes.</param>
/// <param name="At">When.</param>
public sealed record ProposeJitExtension(Guid CaseId, LocalDate EndsOn, string Reasons, string Actor, Instant At);
