using NodaTime;

namespace MlaRequests.Workflows.Requests;

/// <summary>The requesting office withdraws the request: every branch, its clocks, every target told.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Reason">Why.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record WithdrawRequest(Guid RequestId, string Reason, string Actor, Instant At);
