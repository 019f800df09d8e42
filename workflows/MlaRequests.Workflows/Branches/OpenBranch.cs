using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>Transmits the approved request to one requested country.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="RequestId">The request.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="RequestingNode">This node.</param>
/// <param name="TargetNode">The requested country.</param>
/// <param name="OfficeCode">The owning office.</param>
/// <param name="LegalBasis">Legal basis.</param>
/// <param name="Urgent">Urgent clocks.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record OpenBranch(Guid BranchId, Guid RequestId, string Reference, string RequestingNode, string TargetNode, string OfficeCode, LegalBasis LegalBasis, bool Urgent, string Actor, Instant At);
