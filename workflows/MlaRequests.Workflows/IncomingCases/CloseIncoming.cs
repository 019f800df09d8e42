using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>Spontaneous information is closed as noted.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record CloseIncoming(Guid CaseId, string Actor, Instant At);
