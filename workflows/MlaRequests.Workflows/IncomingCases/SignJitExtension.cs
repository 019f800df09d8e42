using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>This party signs the extension the requesting country proposed.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Actor">Who signs.</param>
/// <param name="At">When.</param>
public sealed record SignJitExtension(Guid CaseId, string Actor, Instant At);
