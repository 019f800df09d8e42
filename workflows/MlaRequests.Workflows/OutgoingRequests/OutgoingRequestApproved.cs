using NodaTime;

namespace MlaRequests.Workflows.OutgoingRequests;

/// <summary>A liaison officer released the outgoing request; the acknowledgement clock starts.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="ApprovedBy">The liaison officer.</param>
/// <param name="ApprovedAt">When.</param>
public sealed record OutgoingRequestApproved(Guid RequestId, string ApprovedBy, Instant ApprovedAt);
