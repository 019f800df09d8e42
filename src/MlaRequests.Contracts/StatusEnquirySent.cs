using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>
/// The requesting authority asks the requested authority about the status and progress of its request (UNTOC Art. 18(24)):
/// a reasoned enquiry or reminder. The requested side answers it once (<see cref="StatusEnquiryAnswered"/>).
/// </summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The requesting node.</param>
/// <param name="EnquiryId">The enquiry, the same on both nodes.</param>
/// <param name="Question">What is asked and why.</param>
/// <param name="Automatic">True when the requesting node sent it itself because a clock escalated (an office setting).</param>
/// <param name="Actor">Who asked (<c>system</c> for an automatic enquiry).</param>
/// <param name="At">When.</param>
[SinceVersion(2)]
public sealed record StatusEnquirySent(Guid BranchId, string Node, Guid EnquiryId, string Question, bool Automatic, string Actor, Instant At);
