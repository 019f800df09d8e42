using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>Execution is recorded, partial or complete.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Complete">Every measure executed.</param>
/// <param name="Summary">What was done.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record RecordExecution(Guid CaseId, bool Complete, string Summary, string Actor, Instant At);
