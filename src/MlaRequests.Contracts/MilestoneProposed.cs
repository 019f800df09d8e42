using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>A shared milestone (e.g. a common action day) proposed by one side of a parallel or mirror investigation.</summary>
/// <param name="BranchId">The branch linking the two cases.</param>
/// <param name="MilestoneId">The milestone.</param>
/// <param name="Title">What it is.</param>
/// <param name="Date">When.</param>
/// <param name="Node">The proposing node.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When proposed.</param>
public sealed record MilestoneProposed(Guid BranchId, Guid MilestoneId, string Title, LocalDate Date, string Node, string Actor, Instant At);
