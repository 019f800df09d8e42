using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A liaison officer resumes a postponed case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reasons">Why it resumes now.</param>
/// <param name="Actor">Who resumes it.</param>
/// <param name="At">When.</param>
public sealed record ResumeIncoming(Guid CaseId, string Reasons, string Actor, Instant At);
