using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>More information is needed from the requesting country.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Questions">What is needed.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record RequestMoreInformation(Guid CaseId, string Questions, string Actor, Instant At);
