using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Persistence;

/// <summary>
/// The workflows' reads over the node's database. Scoped like the <see cref="NodeDbContext"/> of the consume scope,
/// so a transition reads inside the same transaction its state change commits in.
/// </summary>
public sealed class NodeWorkflowReads(NodeDbContext db) : IWorkflowReads
{
    /// <inheritdoc />
    public async Task<RequestContent> RequestContentAsync(Guid requestId, CancellationToken cancellationToken) =>
        (await db.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken).ConfigureAwait(false)).Content;

    /// <inheritdoc />
    public async Task<RequestContent?> IncomingContentAsync(Guid caseId, CancellationToken cancellationToken) =>
        (await db.IncomingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken).ConfigureAwait(false))?.Content;

    /// <inheritdoc />
    public Task<bool> IsOnTimelineAsync(Guid subjectId, Guid? branchId, string action, Instant at, CancellationToken cancellationToken) =>
        db.Timeline.AnyAsync(t => t.SubjectId == subjectId && t.BranchId == branchId && t.Action == action && t.At == at, cancellationToken);
}
