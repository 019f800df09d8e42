using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>This (requesting) party declines the extension the requested country proposed, with reasons.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who declines.</param>
/// <param name="At">When.</param>
public sealed record DeclineExtensionWithTarget(Guid BranchId, string Reasons, string Actor, Instant At);
