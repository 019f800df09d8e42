using NodaTime;

namespace MlaRequests.Workflows.Requests;

/// <summary>A liaison officer returns the request to the prosecutor with comments.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Comments">What to change.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record ReturnRequest(Guid RequestId, string Comments, string Actor, Instant At);
