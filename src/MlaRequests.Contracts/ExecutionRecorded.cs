using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requested authority recorded execution, partial or complete.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Complete">True when every measure is executed.</param>
/// <param name="Summary">What was done.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record ExecutionRecorded(Guid BranchId, string Node, bool Complete, string Summary, string Actor, Instant At);
