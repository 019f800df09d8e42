using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Cases;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Data;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Node.Features.Inbox;

/// <summary>
/// The reminders of shared milestones, on every participating node: from the first of the reminder days before the date
/// (<c>milestoneReminderDays</c> in deadline-policies.json, 7 and 1 by default) a scheduled milestone is a task of the people
/// concerned until its date: on the requesting node the request's office (its prosecutors) and the liaison officers, on a
/// participating node the liaison officers and the executor the case is assigned to. A cancelled or done milestone is none.
/// The task is derived on each read, so no reminder outlives a cancellation.
/// </summary>
public static class SharedMilestoneTasks
{
    /// <summary>The task from the first reminder day on.</summary>
    public const string SoonTask = "A shared milestone is coming up: prepare and confirm readiness";

    /// <summary>The task on the last reminder day (1 day before by default).</summary>
    public const string LastTask = "A shared milestone is imminent: make sure everything is ready";

    /// <summary>The reminder tasks for <paramref name="user"/> on <paramref name="today"/> in this node's country.</summary>
    public static async Task<IReadOnlyList<GetInbox.TaskItem>> ForAsync(ClaimsPrincipal user, NodeDbContext db, LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var days = WorkflowData.DeadlinePolicies.MilestoneReminderDays;
        if (days.Count == 0)
            return [];
        var horizon = today.PlusDays(days.Max());
        var scheduled = nameof(MilestoneStatus.Scheduled);
        var soon = (await db.Milestones.AsNoTracking().Where(m => m.Shared && m.Status == scheduled).ToListAsync(ct))
            .Where(m => m.Date > today && m.Date <= horizon).ToList();
        if (soon.Count == 0)
            return [];
        var tasks = new List<GetInbox.TaskItem>();
        var office = user.Office();

        var requestIds = soon.Where(m => m.RequestId is not null).Select(m => m.RequestId!.Value).ToList();
        var requests = await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).Select(r => new { r.Id, r.Reference, r.OfficeCode }).ToListAsync(ct);
        foreach (var m in soon.Where(m => m.RequestId is not null))
        {
            var request = requests.SingleOrDefault(r => r.Id == m.RequestId);
            if (request is not null && ChildProtection.Handles(user, request.OfficeCode))
                tasks.Add(Item(m, request.Reference, request.Id, null, today, days, $"/api/requests/{request.Id}/milestones"));
        }

        var caseIds = soon.Where(m => m.RequestId is null).Select(m => m.BranchId).ToList();
        var cases = await db.IncomingCases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        foreach (var m in soon.Where(m => m.RequestId is null))
        {
            var found = cases.SingleOrDefault(c => c.Id == m.BranchId);
            if (found is not null && (user.IsInRole(Roles.LiaisonOfficer) || (user.IsInRole(Roles.Executor) && Incoming.IncomingQueries.MaySee(user, found))))
                tasks.Add(Item(m, found.Reference, found.Id, found.RequestingNode, today, days, $"/api/incoming/{found.Id}/milestones"));
        }
        return tasks;
    }

    static GetInbox.TaskItem Item(Milestone m, string reference, Guid subjectId, string? country, LocalDate today, IReadOnlyList<int> days, string link)
    {
        var due = SharedMilestoneRules.ReminderDue(MilestoneStatus.Scheduled, m.Date, today, days);
        return new GetInbox.TaskItem(due == days.Min() ? LastTask : SoonTask, $"{reference} · {m.Title} · {LocalDatePattern.Iso.Format(m.Date)}", subjectId, country,
            "Milestones", null, [], link);
    }
}
