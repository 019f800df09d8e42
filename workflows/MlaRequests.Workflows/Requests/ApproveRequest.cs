using NodaTime;

namespace MlaRequests.Workflows.Requests;

/// <summary>A liaison officer releases the request; one branch per target is transmitted.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record ApproveRequest(Guid RequestId, string Actor, Instant At);
