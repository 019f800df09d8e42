using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MassTransit;
using MassTransit.SagaStateMachine;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Content;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Pages.Requests;

/// <summary>
/// One request as <c>GET /api/requests/{id}</c> shows it to this user (404 for another office):
/// each target's status, the clocks, the timeline, the workflow diagrams and the steps the user may take now.
/// </summary>
public sealed class DetailsModel(NodeDbContext db, IClock clock, WorkflowNode node, OutgoingRequestStateMachine requestMachine, BranchStateMachine branchMachine) : PageModel
{
    /// <summary>The request; null when the user may not see it (the page says "not found").</summary>
    public GetRequest.Response? Shown { get; private set; }

    /// <summary>Fields still missing before it may leave draft (from the required-content rules).</summary>
    public IReadOnlyDictionary<string, string[]> Missing { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The request workflow with its current state.</summary>
    public WorkflowDiagram Diagram { get; private set; } = null!;

    /// <summary>Each target's branch workflow with its current state.</summary>
    public IReadOnlyDictionary<string, WorkflowDiagram> BranchDiagrams { get; private set; } = new Dictionary<string, WorkflowDiagram>();

    /// <summary>Loads the request, or answers 404.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((await GetRequest.Handle(id, User, db, clock, node, requestMachine, branchMachine, ct)).Result is not Ok<GetRequest.Response> ok)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var request = Shown = ok.Value!;
        if (request.Status == nameof(OutgoingRequestStateMachine.Draft))
            Missing = ContentData.RequiredContent.Missing(request.Content);
        Diagram = WorkflowDiagram.Of(requestMachine, request.Status);
        BranchDiagrams = request.Targets.ToDictionary(t => t.Country, t => WorkflowDiagram.Of(branchMachine, t.Status));
        return Page();
    }

}
