using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>This party proposes an amended JIT agreement (members, leaders, purpose, arrangements), with reasons.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="AmendmentId">The amendment (its version's id on both nodes).</param>
/// <param name="Number">The version number it takes once signed.</param>
/// <param name="AgreementJson">The whole amended agreement, with the period in force.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who proposes.</param>
/// <param name="At">When.</param>
public sealed record ProposeJitAmendment(Guid CaseId, Guid AmendmentId, int Number, string AgreementJson, string Reasons, string Actor, Instant At);
