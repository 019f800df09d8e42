using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Timeline;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// Shared milestones of linked cases arriving from the other side: a proposal is stored (confirmed by
/// its proposer), a confirmation marks that side; both appear on the request's or case's timeline.
/// </summary>
public sealed class MilestoneConsumer(NodeDbContext db, WorkflowNode node) : IConsumer<MilestoneProposed>, IConsumer<MilestoneConfirmed>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<MilestoneProposed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var subject = await SubjectAsync(m.BranchId, context.CancellationToken);
        if (await db.Milestones.AnyAsync(x => x.Id == m.MilestoneId, context.CancellationToken))
            return;
        var milestone = new Milestone { Id = m.MilestoneId, BranchId = m.BranchId, Title = m.Title, Date = m.Date, ProposedBy = m.Node };
        Confirm(milestone, subject.SenderIsRequesting, m.At);
        db.Milestones.Add(milestone);
        db.Timeline.Add(Entry(subject, m.At, $"{m.Actor} ({m.Node})", TimelineTexts.MilestoneProposed.Format(), TimelineTexts.MilestoneDetails.Format(m.Title, m.Date)));
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<MilestoneConfirmed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var subject = await SubjectAsync(m.BranchId, context.CancellationToken);
        var milestone = await db.Milestones.SingleOrDefaultAsync(x => x.Id == m.MilestoneId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Milestone {m.MilestoneId} is not known yet; the confirmation waits for the proposal.");
        Confirm(milestone, subject.SenderIsRequesting, m.At);
        db.Timeline.Add(Entry(subject, m.At, $"{m.Actor} ({m.Node})", TimelineTexts.MilestoneConfirmed.Format(), TimelineTexts.MilestoneDetails.Format(milestone.Title, milestone.Date)));
    }

    /// <summary>The request or case the branch belongs to on this node, and whether the sender is the requesting side.</summary>
    async Task<(Guid SubjectId, Guid BranchId, string Country, bool SenderIsRequesting)> SubjectAsync(Guid branchId, CancellationToken ct)
    {
        var branch = await db.BranchWorkflows.AsNoTracking().SingleOrDefaultAsync(b => b.CorrelationId == branchId, ct);
        if (branch is not null)
            return (branch.RequestId, branchId, branch.TargetNode, SenderIsRequesting: false);
        var incoming = await db.IncomingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == branchId, ct)
            ?? throw new InvalidOperationException($"Branch {branchId} is unknown on {node.Code}.");
        return (incoming.Id, branchId, incoming.RequestingNode, SenderIsRequesting: true);
    }

    /// <summary>Marks the side that sent the message as having confirmed.</summary>
    static void Confirm(Milestone milestone, bool byRequestingSide, NodaTime.Instant at)
    {
        if (byRequestingSide)
            milestone.ConfirmedByRequestingAt ??= at;
        else
            milestone.ConfirmedByRequestedAt ??= at;
    }

    static TimelineEntry Entry((Guid SubjectId, Guid BranchId, string Country, bool _) subject, NodaTime.Instant at, string actor, string action,
        string details) => new()
        {
            SubjectId = subject.SubjectId, BranchId = subject.BranchId, Country = subject.Country, At = at, Actor = actor, Action = action,
            Status = "Milestones", Details = details,
        };
}
