using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requested authority extended the recognition period once, with reasons.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Extension">The extension.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record RecognitionPeriodExtended(Guid BranchId, string Node, Period Extension, string Reasons, string Actor, Instant At);
