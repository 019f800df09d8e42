using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>This (requesting) party's team leader closes the agreement in force with one requested country, with an evaluation note.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Evaluation">The evaluation of the team's work.</param>
/// <param name="Actor">Who closes it.</param>
/// <param name="At">When.</param>
public sealed record CloseAgreementWithTarget(Guid BranchId, string Evaluation, string Actor, Instant At);
