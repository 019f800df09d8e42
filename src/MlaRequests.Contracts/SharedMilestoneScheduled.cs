using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// The requesting country scheduled a milestone shared by every participating branch of its request (a common action day, a
/// coordinated arrest, simultaneous searches); one copy goes to each participating country, on that country's branch.
/// </summary>
/// <param name="BranchId">The branch (the receiving node's case).</param>
/// <param name="Node">The requesting node.</param>
/// <param name="MilestoneId">The milestone, the same on every node.</param>
/// <param name="Title">What it is.</param>
/// <param name="Date">When.</param>
/// <param name="Countries">Every participating requested country.</param>
/// <param name="Actor">Who scheduled it.</param>
/// <param name="At">When it was scheduled.</param>
[SinceVersion(2)]
public sealed record SharedMilestoneScheduled(Guid BranchId, string Node, Guid MilestoneId, string Title, LocalDate Date, IReadOnlyList<string> Countries,
    string Actor, Instant At);
