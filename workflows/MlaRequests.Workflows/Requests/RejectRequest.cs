using NodaTime;

namespace MlaRequests.Workflows.Requests;

/// <summary>A liaison officer rejects the request internally.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record RejectRequest(Guid RequestId, string Reasons, string Actor, Instant At);
