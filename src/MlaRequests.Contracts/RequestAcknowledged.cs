using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// The receiving authority registered the request: the legal acknowledgement of receipt (not the
/// transport receipt of a message). Sent by the receiving node to the requesting node.
/// </summary>
/// <param name="RequestId">The request, as the requesting node identifies it.</param>
/// <param name="AcknowledgedBy">The receiving node's code (KZ, KG, TJ, TM, UZ).</param>
/// <param name="AcknowledgedAt">When the receiving authority registered it.</param>
public sealed record RequestAcknowledged(Guid RequestId, string AcknowledgedBy, Instant AcknowledgedAt);
