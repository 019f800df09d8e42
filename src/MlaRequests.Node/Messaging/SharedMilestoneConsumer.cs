using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Timeline;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Shared;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// Milestones shared by every participating branch of a request, arriving from the other side. On a participating country's
/// node a scheduled milestone is stored with the incoming case (the same id, title, date and participants as on the requesting
/// node) and later changes apply to it; on the requesting node a participating country's confirmation is kept per country. The
/// border has already checked the sender's role for the branch (<c>PeerAuthorization</c>); a confirmation from a country the
/// milestone does not name, or for a milestone of another request, changes nothing.
/// </summary>
public sealed class SharedMilestoneConsumer(NodeDbContext db, ILogger<SharedMilestoneConsumer> log)
    : IConsumer<SharedMilestoneScheduled>, IConsumer<SharedMilestoneChanged>, IConsumer<SharedMilestoneConfirmed>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<SharedMilestoneScheduled> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var ct = context.CancellationToken;
        var incoming = await db.IncomingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == m.BranchId, ct)
            ?? throw new InvalidOperationException($"Case {m.BranchId} is not known yet; the milestone waits for it.");
        if (await db.Milestones.AnyAsync(x => x.Id == m.MilestoneId, ct))
            return;
        var countries = string.Join(",", m.Countries);
        db.Milestones.Add(new Milestone
        {
            Id = m.MilestoneId, BranchId = m.BranchId, Title = m.Title, Date = m.Date, ProposedBy = m.Node, Shared = true, Participants = countries,
            ConfirmedByRequestingAt = m.At,
        });
        db.Timeline.Add(Entry(incoming.Id, m.BranchId, incoming.RequestingNode, m.At, $"{m.Actor} ({m.Node})", TimelineTexts.SharedMilestoneScheduled.Format(),
            TimelineTexts.SharedMilestoneDetails.Format(m.Title, LocalDatePattern.Iso.Format(m.Date), string.Join(", ", m.Countries))));
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<SharedMilestoneChanged> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var ct = context.CancellationToken;
        var milestone = await db.Milestones.SingleOrDefaultAsync(x => x.Id == m.MilestoneId && x.BranchId == m.BranchId && x.Shared, ct)
            ?? throw new InvalidOperationException($"Shared milestone {m.MilestoneId} is not known on case {m.BranchId} yet; the change waits for it.");
        var incoming = await db.IncomingCases.AsNoTracking().SingleAsync(c => c.Id == m.BranchId, ct);
        if (SharedMilestoneRules.StatusOf(milestone.Status) != MilestoneStatus.Scheduled)
        {
            log.LogWarning("Shared milestone {Milestone} is {Status}; the change {Change} from {Node} is not applied", m.MilestoneId, milestone.Status, m.Change, m.Node);
            return;
        }
        TextTemplate action;
        switch (m.Change)
        {
            case "Rescheduled":
                milestone.Date = m.Date;
                milestone.Reason = m.Reason;
                action = TimelineTexts.SharedMilestoneRescheduled;
                break;
            case nameof(MilestoneStatus.Cancelled):
                milestone.Status = nameof(MilestoneStatus.Cancelled);
                milestone.Reason = m.Reason;
                action = TimelineTexts.SharedMilestoneCancelled;
                break;
            case nameof(MilestoneStatus.Done):
                milestone.Status = nameof(MilestoneStatus.Done);
                action = TimelineTexts.SharedMilestoneDone;
                break;
            default:
                log.LogWarning("Shared milestone {Milestone}: unknown change {Change} from {Node} is not applied", m.MilestoneId, m.Change, m.Node);
                return;
        }
        db.Timeline.Add(Entry(incoming.Id, m.BranchId, incoming.RequestingNode, m.At, $"{m.Actor} ({m.Node})", action.Format(), Details(milestone.Title, milestone.Date, m.Reason)));
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<SharedMilestoneConfirmed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var ct = context.CancellationToken;
        var branch = await db.BranchWorkflows.AsNoTracking().SingleOrDefaultAsync(b => b.CorrelationId == m.BranchId, ct)
            ?? throw new InvalidOperationException($"Branch {m.BranchId} is not known yet; the confirmation waits for it.");
        var milestone = await db.Milestones.AsNoTracking().SingleOrDefaultAsync(x => x.Id == m.MilestoneId && x.RequestId == branch.RequestId && x.Shared, ct);
        if (milestone is null || !milestone.ParticipantList().Contains(branch.TargetNode))
        {
            log.LogWarning("{Node} confirmed shared milestone {Milestone}, which request {Request} does not share with it; nothing is applied",
                m.Node, m.MilestoneId, branch.RequestId);
            return;
        }
        if (await db.MilestoneConfirmations.AnyAsync(c => c.MilestoneId == m.MilestoneId && c.Country == branch.TargetNode, ct))
            return;
        db.MilestoneConfirmations.Add(new MilestoneConfirmation { MilestoneId = m.MilestoneId, Country = branch.TargetNode, Actor = m.Actor, At = m.At });
        db.Timeline.Add(Entry(branch.RequestId, m.BranchId, branch.TargetNode, m.At, $"{m.Actor} ({m.Node})", TimelineTexts.SharedMilestoneConfirmed.Format(),
            TimelineTexts.MilestoneDetails.Format(milestone.Title, milestone.Date)));
    }

    /// <summary>The details of a change: with its reason when it has one.</summary>
    internal static string Details(string title, LocalDate date, string? reason) => reason is null
        ? TimelineTexts.MilestoneDetails.Format(title, date)
        : TimelineTexts.SharedMilestoneChangeDetails.Format(title, LocalDatePattern.Iso.Format(date), reason);

    static TimelineEntry Entry(Guid subjectId, Guid branchId, string country, Instant at, string actor, string action, string details) => new()
    {
        SubjectId = subjectId, BranchId = branchId, Country = country, At = at, Actor = actor, Action = action, Status = "Milestones", Details = details,
    };
}
