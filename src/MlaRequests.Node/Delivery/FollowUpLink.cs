using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Timeline;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// The link of a received request to this node's case of the earlier request it follows (a supplementary request, or a new request
/// after a refusal). The earlier case has the earlier branch's id; the link counts only when that case came from the same requesting
/// country, so nobody links a request to another country's case.
/// </summary>
public static class FollowUpLink
{
    /// <summary>This node's case of the earlier request <paramref name="content"/> follows, when there is one from the same country.</summary>
    public static Task<IncomingCase?> EarlierCaseAsync(NodeDbContext db, string requestingNode, RequestContent content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        return content.FollowsUp is { } link
            ? db.IncomingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == link.EarlierBranchId && c.RequestingNode == requestingNode, ct)
            : Task.FromResult<IncomingCase?>(null);
    }

    /// <summary>Writes the link on the new case's timeline (and the earlier case's), when the earlier case is here.</summary>
    public static async Task RecordAsync(NodeDbContext db, RequestTransmitted request, RequestContent content, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (content.FollowsUp is not { } link || await EarlierCaseAsync(db, request.FromNode, content, ct) is not { } earlier)
            return;
        var supplementary = link.Kind == FollowUpKind.Supplementary;
        var actor = $"{request.Actor} ({request.FromNode})";
        db.Timeline.Add(new TimelineEntry
        {
            SubjectId = request.BranchId, BranchId = request.BranchId, Country = request.FromNode, At = now, Actor = actor,
            Status = nameof(IncomingCaseStateMachine.Received), Action = (supplementary ? TimelineTexts.SupplementaryTo : TimelineTexts.AfterRefusalOf).Format(),
            Details = TimelineTexts.FollowUpDetails.Format(earlier.Reference),
        });
        var earlierStatus = await db.IncomingCaseWorkflows.AsNoTracking().Where(w => w.CorrelationId == earlier.Id).Select(w => w.CurrentState)
            .SingleOrDefaultAsync(ct) ?? nameof(IncomingCaseStateMachine.Received);
        db.Timeline.Add(new TimelineEntry
        {
            SubjectId = earlier.Id, BranchId = earlier.Id, Country = request.FromNode, At = now, Actor = actor, Status = earlierStatus,
            Action = (supplementary ? TimelineTexts.SupplementaryReceived : TimelineTexts.AfterRefusalReceived).Format(),
            Details = TimelineTexts.FollowUpDetails.Format(request.Reference),
        });
    }
}
