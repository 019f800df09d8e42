using MlaRequests.Contracts.Versions;
using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requested authority answered a status enquiry (<see cref="StatusEnquirySent"/>) about its case.</summary>
/// <param name="BranchId">The branch (the requested node's case).</param>
/// <param name="Node">The requested node.</param>
/// <param name="EnquiryId">The enquiry answered.</param>
/// <param name="Answer">The status and progress, as the requested authority reports them.</param>
/// <param name="Actor">Who answered.</param>
/// <param name="At">When.</param>
[SinceVersion(2)]
public sealed record StatusEnquiryAnswered(Guid BranchId, string Node, Guid EnquiryId, string Answer, string Actor, Instant At);
