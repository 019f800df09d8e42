using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A liaison officer registers the request (the legal acknowledgement).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record RegisterIncoming(Guid CaseId, string Actor, Instant At);
