using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain;
using MlaRequests.Domain.Cases;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Messaging;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Shared;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Node.Features.Milestones;

/// <summary>
/// Milestones shared by every participating branch of a mirror, parallel or joint investigation (a common action day, a coordinated
/// arrest, simultaneous searches): the requesting side schedules one for two or more requested countries and changes it once for all
/// (each change is one message per participating country, on that country's branch); each participating country confirms its
/// readiness on its own node. The rules are <see cref="SharedMilestoneRules"/>.
/// </summary>
public static class SharedMilestoneEndpoints
{
    static readonly string[] ClosedBranches = [nameof(BranchStateMachine.Completed), nameof(BranchStateMachine.Refused), nameof(BranchStateMachine.Withdrawn)];

    /// <summary>A milestone shared by several requested countries.</summary>
    /// <param name="Title">What it is (e.g. common action day: simultaneous searches).</param>
    /// <param name="Date">Its date.</param>
    /// <param name="Countries">Two or more requested countries of the request, with open branches.</param>
    public sealed record ScheduleBody(string? Title, LocalDate? Date, List<string?>? Countries);

    /// <summary>A new date for a shared milestone.</summary>
    /// <param name="Date">The new date.</param>
    /// <param name="Reason">Why it moves.</param>
    public sealed record RescheduleBody(LocalDate? Date, string? Reason);

    /// <summary>The cancellation of a shared milestone.</summary>
    /// <param name="Reason">Why it is called off.</param>
    public sealed record CancelBody(string? Reason);

    internal static async Task<IResult> ScheduleAsync(MilestoneStepContext x)
    {
        var (side, s, ct) = (x.Side, x.Services, x.Cancellation);
        var body = (ScheduleBody)x.Body!;
        var targets = await s.Db.BranchWorkflows.AsNoTracking().Where(b => b.RequestId == side.SubjectId && !ClosedBranches.Contains(b.CurrentState))
            .Select(b => b.TargetNode).ToListAsync(ct);
        var countries = body.Countries?.Select(c => c?.Trim().ToUpperInvariant()).ToList();
        var errors = SharedMilestoneRules.ScheduleProblems(body.Title, body.Date, countries, targets, NodeTime.Today(s.NodeCode, s.Now), s.Limits);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: $"The step 'schedule' needs {errors.Count} more field(s).");

        var node = s.NodeCode;
        var participants = countries!.Select(c => c!).ToList();
        var milestone = new Milestone
        {
            Id = NewId.NextGuid(), BranchId = side.SubjectId, RequestId = side.SubjectId, Title = body.Title!.Trim(), Date = body.Date!.Value, ProposedBy = node,
            Shared = true, Participants = string.Join(",", participants), ConfirmedByRequestingAt = s.Now,
        };
        var view = new MilestoneEndpoints.View(milestone.Id, milestone.Title, milestone.Date, node, s.Now, null, true, milestone.Status, participants, [], null,
            SharedMilestoneRules.RequestingSteps);
        var link = $"{side.Link}/{milestone.Id}";
        await s.Commands.CommitAsync(db =>
        {
            db.Milestones.Add(milestone);
            db.Timeline.Add(MilestoneEndpoints.Entry(side, s, TimelineTexts.SharedMilestoneScheduled.Format(),
                TimelineTexts.SharedMilestoneDetails.Format(milestone.Title, LocalDatePattern.Iso.Format(milestone.Date), string.Join(", ", participants))));
            foreach (var country in participants)
                CrossBorderQueue.Message(db, country, new SharedMilestoneScheduled(DeterministicGuid.Branch(side.SubjectId, country), node, milestone.Id,
                    milestone.Title, milestone.Date, participants, s.User.UserName(), s.Now), s.Now);
            return Task.CompletedTask;
        }, StatusCodes.Status201Created, view, link, ct);
        return TypedResults.Created(link, view);
    }

    internal static Task<IResult> RescheduleAsync(MilestoneStepContext x)
    {
        var body = (RescheduleBody)x.Body!;
        return ChangeAsync(x, "reschedule", m => SharedMilestoneRules.RescheduleProblems(body.Date, m.Date, body.Reason, NodeTime.Today(x.Services.NodeCode,
            x.Services.Now), x.Services.Limits), m =>
        {
            m.Date = body.Date!.Value;
            m.Reason = body.Reason!.Trim();
            return ("Rescheduled", TimelineTexts.SharedMilestoneRescheduled);
        });
    }

    internal static Task<IResult> CancelAsync(MilestoneStepContext x)
    {
        var body = (CancelBody)x.Body!;
        return ChangeAsync(x, "cancel", _ => SharedMilestoneRules.CancelProblems(body.Reason, x.Services.Limits), m =>
        {
            m.Status = nameof(MilestoneStatus.Cancelled);
            m.Reason = body.Reason!.Trim();
            return (nameof(MilestoneStatus.Cancelled), TimelineTexts.SharedMilestoneCancelled);
        });
    }

    internal static Task<IResult> CompleteAsync(MilestoneStepContext x) =>
        ChangeAsync(x, "complete", _ => [], m =>
        {
            m.Status = nameof(MilestoneStatus.Done);
            return (nameof(MilestoneStatus.Done), TimelineTexts.SharedMilestoneDone);
        });

    /// <summary>A change of a shared milestone by the requesting side: checked, applied once here and sent to every participating country.</summary>
    static async Task<IResult> ChangeAsync(MilestoneStepContext x, string step, Func<Milestone, Dictionary<string, string[]>> problems,
        Func<Milestone, (string Change, Domain.Timeline.TextTemplate Action)> apply)
    {
        var (side, s, ct) = (x.Side, x.Services, x.Cancellation);
        var milestoneId = x.MilestoneId!.Value;
        var existing = await s.Db.Milestones.AsNoTracking().SingleOrDefaultAsync(m => m.Id == milestoneId && m.RequestId == side.SubjectId && m.Shared, ct);
        if (existing is null)
            return TypedResults.NotFound();
        var status = SharedMilestoneRules.StatusOf(existing.Status);
        if (!SharedMilestoneRules.Allows(status, step))
            return TypedResults.Problem(new ProblemDetails { Title = "This step is not allowed now", Status = 409, Detail = MilestoneTexts.Closed.Format(step, status) });
        var errors = problems(existing);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: $"The step '{step}' needs {errors.Count} more field(s).");

        var node = s.NodeCode;
        var result = new StepResult(milestoneId, step, existing.Status);
        var link = $"{side.Link}/{milestoneId}";
        await s.Commands.CommitAsync(async db =>
        {
            var milestone = await db.Milestones.SingleAsync(m => m.Id == milestoneId, ct);
            var (change, action) = apply(milestone);
            db.Timeline.Add(MilestoneEndpoints.Entry(side, s, action.Format(), SharedMilestoneConsumer.Details(milestone.Title, milestone.Date, milestone.Reason is null
                || change == nameof(MilestoneStatus.Done) ? null : milestone.Reason)));
            foreach (var country in milestone.ParticipantList())
                CrossBorderQueue.Message(db, country, new SharedMilestoneChanged(DeterministicGuid.Branch(side.SubjectId, country), node, milestoneId, change,
                    milestone.Date, change == nameof(MilestoneStatus.Done) ? null : milestone.Reason, s.User.UserName(), s.Now), s.Now);
        }, StatusCodes.Status202Accepted, result, link, ct);
        return TypedResults.Accepted(link, result);
    }

    /// <summary>A participating country confirms its readiness for <paramref name="milestone"/>, once, while it is scheduled.</summary>
    internal static async Task<IResult> ConfirmReadinessAsync(MilestoneStepContext x, Milestone milestone)
    {
        var (side, s, ct) = (x.Side, x.Services, x.Cancellation);
        var status = SharedMilestoneRules.StatusOf(milestone.Status);
        if (!SharedMilestoneRules.Allows(status, "confirm"))
            return TypedResults.Problem(new ProblemDetails { Title = "This step is not allowed now", Status = 409, Detail = MilestoneTexts.Closed.Format("confirm", status) });
        var node = s.NodeCode;
        if (milestone.ConfirmedByRequestedAt is not null)
            return TypedResults.Problem(new ProblemDetails { Title = "Already confirmed", Status = 409, Detail = MilestoneTexts.AlreadyConfirmed.Format(node) });

        var result = new StepResult(milestone.Id, "confirm", side.Status);
        await s.Commands.CommitAsync(async db =>
        {
            (await db.Milestones.SingleAsync(m => m.Id == milestone.Id, ct)).ConfirmedByRequestedAt = s.Now;
            db.MilestoneConfirmations.Add(new MilestoneConfirmation { MilestoneId = milestone.Id, Country = node, Actor = s.User.UserName(), At = s.Now });
            db.Timeline.Add(MilestoneEndpoints.Entry(side, s, TimelineTexts.SharedMilestoneConfirmed.Format(),
                TimelineTexts.MilestoneDetails.Format(milestone.Title, milestone.Date)));
            CrossBorderQueue.Message(db, side.OtherNode!, new SharedMilestoneConfirmed(side.BranchId, node, milestone.Id, s.User.UserName(), s.Now), s.Now);
        }, StatusCodes.Status202Accepted, result, side.Link, ct);
        return TypedResults.Accepted(side.Link, result);
    }
}
