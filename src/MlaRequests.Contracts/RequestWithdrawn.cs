using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requesting authority withdrew the request for this country.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requesting node.</param>
/// <param name="Reason">Why.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record RequestWithdrawn(Guid BranchId, string Node, string Reason, string Actor, Instant At);
