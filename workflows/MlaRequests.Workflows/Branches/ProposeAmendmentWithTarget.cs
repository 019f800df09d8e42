using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>This (requesting) party proposes an amended JIT agreement (members, leaders, purpose, arrangements), with reasons.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="AmendmentId">The amendment (its version's id on both nodes).</param>
/// <param name="Number">The version number it takes once signed.</param>
/// <param name="AgreementJson">The whole amended agreement, with the period in force.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who proposes.</param>
/// <param name="At">When.</param>
public sealed record ProposeAmendmentWithTarget(Guid BranchId, Guid AmendmentId, int Number, string AgreementJson, string Reasons, string Actor, Instant At);
