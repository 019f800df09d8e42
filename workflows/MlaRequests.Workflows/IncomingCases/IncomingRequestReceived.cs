using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>A request from another country arrived and its content is stored; the incoming case starts.</summary>
/// <param name="CaseId">The case (equals the sender's branch id).</param>
/// <param name="RequestingNode">The sender.</param>
/// <param name="Reference">This node's registration reference.</param>
/// <param name="Kind">Request kind.</param>
/// <param name="LegalBasis">Legal basis.</param>
/// <param name="Urgent">Urgent clocks.</param>
/// <param name="HasProvisionalMeasures">24-hour clock.</param>
/// <param name="At">When.</param>
/// <param name="ProvisionalMeasures">
/// The 1-based positions of the provisional measures, each with its own clock (issue 15); null from a message published before the
/// upgrade, which starts the single clock of the previous release.
/// </param>
/// <param name="DesiredDate">The requesting state's desired date from the content (issue 15), or null: starts the desired-date clock.</param>
public sealed record IncomingRequestReceived(Guid CaseId, string RequestingNode, string Reference, string Kind, LegalBasis LegalBasis, bool Urgent, bool HasProvisionalMeasures,
    Instant At, IReadOnlyList<int>? ProvisionalMeasures = null, LocalDate? DesiredDate = null);
