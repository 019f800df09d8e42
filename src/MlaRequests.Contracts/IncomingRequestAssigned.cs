using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requested central authority assigned the request to an officer; recognition is under way.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Actor">Who assigned it.</param>
/// <param name="At">When.</param>
public sealed record IncomingRequestAssigned(Guid BranchId, string Node, string Actor, Instant At);
