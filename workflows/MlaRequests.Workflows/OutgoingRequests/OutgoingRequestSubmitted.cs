using NodaTime;

namespace MlaRequests.Workflows.OutgoingRequests;

/// <summary>A prosecutor submitted a drafted outgoing request for internal review.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="SubmittedBy">Who submitted it.</param>
/// <param name="SubmittedAt">When.</param>
public sealed record OutgoingRequestSubmitted(Guid RequestId, string SubmittedBy, Instant SubmittedAt);
