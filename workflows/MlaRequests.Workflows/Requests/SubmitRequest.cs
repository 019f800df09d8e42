using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.Workflows.Requests;

/// <summary>A prosecutor submits the draft for internal review.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Kind">The request kind.</param>
/// <param name="LegalBasis">The legal basis.</param>
/// <param name="Urgent">Urgent or child-victim priority.</param>
/// <param name="Targets">The requested countries.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="At">When.</param>
public sealed record SubmitRequest(Guid RequestId, RequestKind Kind, LegalBasis LegalBasis, bool Urgent, IReadOnlyList<string> Targets, string Actor, Instant At);
