using NodaTime;

namespace MlaRequests.Contracts;

/// <summary>The requesting node transmits a request to one requested country (one branch). The content is the request document as JSON, versioned by <c>ContentVersion</c>.</summary>
/// <param name="BranchId">The branch: the request as sent to this country; the receiving node's incoming case has the same id.</param>
/// <param name="RequestId">The request on the requesting node.</param>
/// <param name="Reference">The requesting node's reference.</param>
/// <param name="FromNode">The requesting node's code.</param>
/// <param name="ToNode">The requested node's code.</param>
/// <param name="Kind">The request kind (RequestKind name).</param>
/// <param name="LegalBasis">The legal basis (LegalBasis name).</param>
/// <param name="Urgent">Urgent or child-victim priority: urgent clocks apply.</param>
/// <param name="HasProvisionalMeasures">Freezing or preservation requested: the 24-hour clock applies.</param>
/// <param name="ContentVersion">Version of the content document's shape.</param>
/// <param name="ContentJson">The request content.</param>
/// <param name="Actor">The liaison officer who released it.</param>
/// <param name="At">When it was transmitted.</param>
public sealed record RequestTransmitted(Guid BranchId, Guid RequestId, string Reference, string FromNode, string ToNode, string Kind, string LegalBasis, bool Urgent, bool HasProvisionalMeasures, int ContentVersion, string ContentJson, string Actor, Instant At);
