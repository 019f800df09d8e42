using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requested authority registered the request: the legal acknowledgement of receipt (not a transport receipt).</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Actor">Who registered it.</param>
/// <param name="At">When.</param>
/// <param name="FileNumber">
/// The requested office's own file number for the request (since release 4; null from a peer of an earlier release). Added at the end
/// and optional, so a peer of release 2 or 3 reads the message as before and ignores it.
/// </param>
public sealed record IncomingRequestRegistered(Guid BranchId, string Node, string Actor, Instant At, string? FileNumber = null);
