using MlaRequests.Domain.Deadlines;
using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>A clock passed its due instant unmet: supervisors are alerted.</summary>
/// <param name="ClockId">The clock.</param>
/// <param name="SubjectId">The request or case.</param>
/// <param name="Kind">Which clock.</param>
/// <param name="ActingCountry">Who was to act.</param>
/// <param name="DueAt">When it was due.</param>
/// <param name="EscalatedAt">When it escalated.</param>
public sealed record DeadlineEscalated(Guid ClockId, Guid SubjectId, ClockKind Kind, string ActingCountry, Instant DueAt, Instant EscalatedAt);
