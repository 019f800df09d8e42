using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// The requested authority resumed a postponed request (UNTOC Art. 18(25): a postponement ends with a resumption): the
/// request is again where it was postponed from there (recognition or execution), and that stage's clock runs anew.
/// </summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Node">The requested node.</param>
/// <param name="Reasons">Why it resumes now (e.g. the domestic proceedings it would have interfered with are over).</param>
/// <param name="Actor">Who resumed it.</param>
/// <param name="At">When.</param>
/// <param name="ResumedTo">The status the case returns to there: null for recognition, <c>InExecution</c> or <c>PartiallyExecuted</c> for execution.</param>
[SinceVersion(2)]
public sealed record IncomingRequestResumed(Guid BranchId, string Node, string Reasons, string Actor, Instant At, string? ResumedTo = null);
