using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>The recognition period is extended once, with reasons.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Extension">How much longer.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record ExtendRecognition(Guid CaseId, Period Extension, string Reasons, string Actor, Instant At);
