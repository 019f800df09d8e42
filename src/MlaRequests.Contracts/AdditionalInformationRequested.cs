using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requested authority needs more information before deciding.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Questions">What it needs.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record AdditionalInformationRequested(Guid BranchId, string Node, string Questions, string Actor, Instant At);
