using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>The requesting office accepts what the requested country proposed in its open consultation (UNTOC Art. 18(26)).</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Note">An optional note with the acceptance.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record AcceptConsultation(Guid BranchId, string Note, string Actor, Instant At);
