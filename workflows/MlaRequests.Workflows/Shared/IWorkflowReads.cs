using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.Workflows.Shared;

/// <summary>
/// What a transition reads from the node's stored data, through this port rather than by querying the database
/// itself: the node implements it over the unit of work's database (so it reads inside the same transaction), and a
/// state machine under test gets a fake. Resolved with <see cref="WorkflowReads.Reads"/>.
/// </summary>
public interface IWorkflowReads
{
    /// <summary>The content of the outgoing request <paramref name="requestId"/> (which exists: it was approved).</summary>
    Task<RequestContent> RequestContentAsync(Guid requestId, CancellationToken cancellationToken);

    /// <summary>The content of the incoming case <paramref name="caseId"/> as the requesting country sent it (null when the case has none stored).</summary>
    Task<RequestContent?> IncomingContentAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>True when the timeline of <paramref name="subjectId"/> (branch <paramref name="branchId"/>) already has <paramref name="action"/> at <paramref name="at"/>.</summary>
    Task<bool> IsOnTimelineAsync(Guid subjectId, Guid? branchId, string action, Instant at, CancellationToken cancellationToken);
}
