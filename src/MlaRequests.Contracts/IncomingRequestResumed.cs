using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// The requested authority resumed a postponed request (UNTOC Art. 18(25): a postponement ends with a resumption): the
/// request is again under recognition there, and its decision clock runs anew.
/// </summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Reasons">Why it resumes now (e.g. the domestic proceedings it would have interfered with are over).</param>
/// <param name="Actor">Who resumed it.</param>
/// <param name="At">When.</param>
[SinceVersion(2)]
public sealed record IncomingRequestResumed(Guid BranchId, string Node, string Reasons, string Actor, Instant At);
