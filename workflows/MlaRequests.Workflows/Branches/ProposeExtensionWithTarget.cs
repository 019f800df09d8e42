using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>This (requesting) party proposes to one requested country a later end date for their JIT agreement in force, with reasons.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="EndsOn">The proposed new last day.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who proposes.</param>
/// <param name="At">When.</param>
public sealed record ProposeExtensionWithTarget(Guid BranchId, LocalDate EndsOn, string Reasons, string Actor, Instant At);
