using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requesting authority answered a request for additional information.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requesting node.</param>
/// <param name="Answer">The answer.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record AdditionalInformationProvided(Guid BranchId, string Node, string Answer, string Actor, Instant At);
