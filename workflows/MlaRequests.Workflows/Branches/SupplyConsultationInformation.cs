using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>The requesting office answers the requested country's open consultation by supplying what is missing (UNTOC Art. 18(26)).</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Answer">The information supplied.</param>
/// <param name="Actor">Who.</param>
/// <param name="At">When.</param>
public sealed record SupplyConsultationInformation(Guid BranchId, string Answer, string Actor, Instant At);
