using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>The request is recognised; execution starts (for a mirror investigation, a linked domestic case opens).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="DomesticCaseReference">The linked domestic case, if one was opened.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record AcceptIncoming(Guid CaseId, string? DomesticCaseReference, string Actor, Instant At);
