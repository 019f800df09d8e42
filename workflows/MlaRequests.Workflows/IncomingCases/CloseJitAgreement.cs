using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>This party's team leader closes the agreement in force, with an evaluation note.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Evaluation">The evaluation of the team's work.</param>
/// <param name="Actor">Who closes it.</param>
/// <param name="At">When.</param>
public sealed record CloseJitAgreement(Guid CaseId, string Evaluation, string Actor, Instant At);
