using MassTransit;
using MassTransit.SagaStateMachine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MlaRequests.Domain;
using MlaRequests.Node.Features.Enquiries;
using MlaRequests.Node.Features.Incoming;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Pages.Incoming;

/// <summary>A request received from another country, as <c>GET /api/incoming/{id}</c> shows it, with the liaison officer's steps.</summary>
public sealed class DetailsModel(NodeDbContext db, IClock clock, WorkflowNode node, IncomingCaseStateMachine machine) : PageModel
{
    /// <summary>The case; null when the user may not see it.</summary>
    public GetIncoming.Response? Shown { get; private set; }

    /// <summary>Its workflow with the current state.</summary>
    public WorkflowDiagram? Diagram { get; private set; }

    /// <summary>The status enquiries the requesting country sent about the case.</summary>
    public IReadOnlyList<EnquiryEndpoints.View> Enquiries { get; private set; } = [];

    /// <summary>The consultations opened with the requesting country about the case.</summary>
    public IReadOnlyList<Features.Consultations.ConsultationEndpoints.View> Consultations { get; private set; } = [];

    /// <summary>The case's milestones (its own and those the requesting country shares with several countries); null for a case with none.</summary>
    public MilestoneListView? Milestones { get; private set; }

    /// <summary>This node's case of the earlier request this one follows (supplementary, or after a refusal), if there is one.</summary>
    public Domain.Cases.IncomingCase? Earlier { get; private set; }

    /// <summary>The versions of the JIT agreement (the agreement in force and its amendments), or null for a case that is not a JIT.</summary>
    public JitVersionsView? JitVersions { get; private set; }

    /// <summary>True when a victim is a child or flagged as a possible minor (the child badge); restricted content means one is.</summary>
    public bool ChildVictim => Shown is { } shown && (shown.ContentRestricted || shown.Content.HasChildVictim(NodeTime.Today(node.Code, shown.ReceivedAt)));

    /// <summary>Loads the case (403 for prosecutors, 404 when unknown).</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, [FromServices] Features.Commands.StepServices steps, CancellationToken ct)
    {
        switch ((await GetIncoming.Handle(id, User, db, clock, node, machine, ct)).Result)
        {
            case Ok<GetIncoming.Response> ok:
                Shown = ok.Value!;
                Diagram = WorkflowDiagram.Of(machine, Shown.Status);
                Enquiries = await EnquiryEndpoints.ListAsync(db, id, ct);
                Consultations = await Features.Consultations.ConsultationEndpoints.ListAsync(db, id, ct);
                Earlier = await Delivery.FollowUpLink.EarlierCaseAsync(db, Shown.RequestingNode, Shown.Content, ct);
                Milestones = await MilestoneListViews.OnIncomingAsync(id, steps, ct);
                JitVersions = await JitVersionsView.ReadAsync(db, Shown.Content, [(Shown.RequestingNode, id)], incoming: true, ct);
                return Page();
            case ForbidHttpResult:
                return Forbid();
            default:
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
        }
    }
}
