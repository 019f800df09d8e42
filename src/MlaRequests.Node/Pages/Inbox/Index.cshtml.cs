using Microsoft.AspNetCore.Mvc.RazorPages;
using MlaRequests.Node.Features.Inbox;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Pages.Inbox;

/// <summary>The tasks waiting for the user's role (<c>GET /api/inbox</c>'s own query), soonest due first, each with its steps as one- or two-click forms.</summary>
public sealed class IndexModel(NodeDbContext db, OutgoingRequestStateMachine requestMachine, BranchStateMachine branchMachine, IncomingCaseStateMachine incomingMachine,
    NodaTime.IClock clock, MlaRequests.Workflows.Shared.WorkflowNode node)
    : PageModel
{
    /// <summary>The tasks.</summary>
    public IReadOnlyList<GetInbox.TaskItem> Tasks { get; private set; } = [];

    /// <summary>Loads the tasks.</summary>
    public async Task OnGetAsync(CancellationToken ct) =>
        Tasks = (await GetInbox.Handle(User, db, requestMachine, branchMachine, incomingMachine, clock, node, ct)).Value!;

    /// <summary>The UI page of a task's subject.</summary>
    public static string PageOf(GetInbox.TaskItem task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Link.StartsWith("/api/incoming/", StringComparison.Ordinal) ? $"/Incoming/{task.SubjectId}"
            : task.Link.StartsWith("/api/requests/", StringComparison.Ordinal) ? $"/Requests/{task.SubjectId}" : "/Dashboard";
    }

    /// <summary>The step forms' subject for a task.</summary>
    public static string SubjectOf(GetInbox.TaskItem task) =>
        task.Link.StartsWith("/api/incoming/", StringComparison.Ordinal) ? "incoming" : task.Country is null ? "request" : "branch";
}
