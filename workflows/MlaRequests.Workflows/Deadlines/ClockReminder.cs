using MlaRequests.Domain.Deadlines;
using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>A reminder: a clock reached 50 % or 80 % of its period.</summary>
/// <param name="ClockId">The clock.</param>
/// <param name="SubjectId">The request or case.</param>
/// <param name="Kind">Which clock.</param>
/// <param name="Percent">How far.</param>
/// <param name="DueAt">When it is due.</param>
public sealed record ClockReminder(Guid ClockId, Guid SubjectId, ClockKind Kind, int Percent, Instant DueAt);
