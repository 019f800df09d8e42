using NodaTime;

namespace MlaRequests.Workflows.Branches;

/// <summary>The requesting prosecutor answers the requested country's questions.</summary>
/// <param name="BranchId">The branch.</param>
/// <param name="Answer">The answer.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record AnswerAdditionalInformation(Guid BranchId, string Answer, string Actor, Instant At);
