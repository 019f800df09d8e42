using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>This (requesting) party signs the extension the requested country proposed.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Actor">Who signs.</param>
/// <param name="At">When.</param>
public sealed record SignExtensionWithTarget(Guid BranchId, string Actor, Instant At);
