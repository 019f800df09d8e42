using NodaTime;

namespace MlaRequests.Workflows.OutgoingRequests;

/// <summary>Escalation to supervisors: the requested authority did not acknowledge in time.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="DueAt">When the acknowledgement was due.</param>
/// <param name="EscalatedAt">When the clock fired.</param>
public sealed record AcknowledgementOverdue(Guid RequestId, Instant DueAt, Instant EscalatedAt);
