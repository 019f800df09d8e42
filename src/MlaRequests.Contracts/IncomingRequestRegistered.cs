using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requested authority registered the request: the legal acknowledgement of receipt (not a transport receipt).</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Actor">Who registered it.</param>
/// <param name="At">When.</param>
public sealed record IncomingRequestRegistered(Guid BranchId, string Node, string Actor, Instant At);
