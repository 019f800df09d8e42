using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A liaison officer registers the request (the legal acknowledgement).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
/// <param name="FileNumber">This office's own file number for the request (null in a message committed by the previous release).</param>
public sealed record RegisterIncoming(Guid CaseId, string Actor, Instant At, string? FileNumber = null);
