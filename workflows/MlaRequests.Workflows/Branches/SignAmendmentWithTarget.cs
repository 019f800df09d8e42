using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>This (requesting) party signs the amendment the requested country proposed.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="AmendmentId">The open amendment.</param>
/// <param name="Actor">Who signs.</param>
/// <param name="At">When.</param>
public sealed record SignAmendmentWithTarget(Guid BranchId, Guid AmendmentId, string Actor, Instant At);
