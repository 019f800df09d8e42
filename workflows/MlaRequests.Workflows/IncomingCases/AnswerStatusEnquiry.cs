using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>Answers a status enquiry the requesting country sent about this case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="EnquiryId">The enquiry answered.</param>
/// <param name="Answer">The status and progress.</param>
/// <param name="Actor">Who answers.</param>
/// <param name="At">When.</param>
public sealed record AnswerStatusEnquiry(Guid CaseId, Guid EnquiryId, string Answer, string Actor, Instant At);
