using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>Sends a status enquiry (or reminder) about this branch to the requested country (UNTOC Art. 18(24)).</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="EnquiryId">The enquiry (an automatic one's id follows from its clock, so a clock sends at most one).</param>
/// <param name="Question">What is asked and why.</param>
/// <param name="Automatic">True when the node sends it itself because a clock escalated.</param>
/// <param name="Actor">Who asks (<c>system</c> for an automatic enquiry).</param>
/// <param name="At">When.</param>
public sealed record SendStatusEnquiry(Guid BranchId, Guid EnquiryId, string Question, bool Automatic, string Actor, Instant At);
