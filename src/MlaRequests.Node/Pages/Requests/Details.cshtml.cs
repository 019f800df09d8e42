using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MassTransit;
using MassTransit.SagaStateMachine;
using Microsoft.Extensions.Localization;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Enquiries;
using MlaRequests.Node.Resources;
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

    /// <summary>The consultations each requested country opened, by country, with their answers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Features.Consultations.ConsultationEndpoints.View>> Consultations { get; private set; } =
        new Dictionary<string, IReadOnlyList<Features.Consultations.ConsultationEndpoints.View>>();

    /// <summary>The status enquiries sent to each requested country, by country.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EnquiryEndpoints.View>> Enquiries { get; private set; } =
        new Dictionary<string, IReadOnlyList<EnquiryEndpoints.View>>();

    /// <summary>The milestones shared by several requested countries (mirror, parallel and joint investigations once approved); null otherwise.</summary>
    public MilestoneListView? Milestones { get; private set; }

    /// <summary>The versions of the JIT agreement with each requested country (the agreement in force and its amendments), or null for a request that is not a JIT.</summary>
    public JitVersionsView? JitVersions { get; private set; }

    /// <summary>True when the user may start a supplementary request or a new request after a refusal (a prosecutor of the request's office).</summary>
    public bool MayFollowUp => Shown is { } r && User.IsInRole(Accounts.Roles.Prosecutor) && Accounts.CallerExtensions.Office(User) == r.OfficeCode;

    /// <summary>
    /// Starts a supplementary request (<paramref name="kind"/> <c>Supplementary</c>) or a new request after a refusal (<c>AfterRefusal</c>) to
    /// <paramref name="country"/> through the API's own code, then opens the new draft for editing.
    /// </summary>
    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, string country, FollowUpKind kind, [FromServices] StepServices steps,
        [FromServices] IStringLocalizer<Ui> t, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(t);
        steps.Commands.Describe($"draft {kind} request to {country} following {id} (web)");
        switch ((await FollowUpRequest.StartAsync(kind, id, country, steps, ct)).Result)
        {
            case Created<CreateRequest.Response> created:
                TempData["Message"] = $"{t["Step.Taken"]}: {t["FollowUp." + kind]}";
                return LocalRedirect($"/Requests/New?id={created.Value!.Id}");
            case ProblemHttpResult problem:
                TempData["Error"] = $"{t["Step.NotTaken"]} {problem.ProblemDetails.Detail}";
                return LocalRedirect($"/Requests/{id}");
            default:
                return NotFound();
        }
    }

    /// <summary>The follow-ups a branch in <paramref name="status"/> offers (the rules of <see cref="FollowUpRules"/>).</summary>
    public IEnumerable<FollowUpKind> FollowUpsFor(string status) => Enum.GetValues<FollowUpKind>().Where(kind =>
        FollowUpRules.NotAllowed(kind, status, status == nameof(BranchStateMachine.Refused), status == nameof(BranchStateMachine.Withdrawn)) is null);

    /// <summary>True for a branch status no country moves on from (the request completes when every branch has one).</summary>
    public bool IsFinal(string status) =>
        status is nameof(BranchStateMachine.Completed) or nameof(BranchStateMachine.Refused) or nameof(BranchStateMachine.Withdrawn);

    /// <summary>Loads the request, or answers 404.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, [FromServices] StepServices steps, CancellationToken ct)
    {
        if ((await GetRequest.Handle(id, User, db, clock, node, requestMachine, branchMachine, ct)).Result is not Ok<GetRequest.Response> ok)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var request = Shown = ok.Value!;
        if (request.Status == nameof(OutgoingRequestStateMachine.Draft))
            Missing = Features.Requests.SubmitReview.Missing(request.Content, node.Code, clock.GetCurrentInstant());
        Diagram = WorkflowDiagram.Of(requestMachine, request.Status);
        BranchDiagrams = request.Targets.ToDictionary(t => t.Country, t => WorkflowDiagram.Of(branchMachine, t.Status));
        var enquiries = new Dictionary<string, IReadOnlyList<EnquiryEndpoints.View>>();
        foreach (var target in request.Targets.Where(t => t.BranchId is not null))
            enquiries[target.Country] = await EnquiryEndpoints.ListAsync(db, target.BranchId!.Value, ct);
        Enquiries = enquiries;
        var consultations = new Dictionary<string, IReadOnlyList<Features.Consultations.ConsultationEndpoints.View>>();
        foreach (var target in request.Targets.Where(t => t.BranchId is not null))
            consultations[target.Country] = await Features.Consultations.ConsultationEndpoints.ListAsync(db, target.BranchId!.Value, ct);
        Consultations = consultations;
        JitVersions = await JitVersionsView.ReadAsync(db, request.Content, request.Targets.Where(t => t.BranchId is not null)
            .Select(t => (t.Country, t.BranchId!.Value)), incoming: false, ct);
        Milestones = await MilestoneListViews.OnRequestAsync(request.Id, request.Targets.Where(t => t.BranchId is not null && !IsFinal(t.Status))
            .Select(t => t.Country).ToList(), steps, ct);
        return Page();
    }

}
