using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A liaison officer assigns the request to an officer.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Assignee">The officer.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record AssignIncoming(Guid CaseId, string Assignee, string Actor, Instant At);
