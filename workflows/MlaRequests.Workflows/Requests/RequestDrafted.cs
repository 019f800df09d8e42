using NodaTime;

namespace MlaRequests.Workflows.Requests;

/// <summary>A prosecutor created a draft request.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="OfficeCode">The owning office.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record RequestDrafted(Guid RequestId, string Reference, string OfficeCode, string Actor, Instant At);
