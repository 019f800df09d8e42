using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>Withdraws the request for one country.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Reason">Why.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record WithdrawBranch(Guid BranchId, string Reason, string Actor, Instant At);
