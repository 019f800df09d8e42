using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Resources;
using NodaTime;
using MlaRequests.Node.Audit;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Pages.Requests;

/// <summary>
/// The guided form: a prosecutor opens a draft (or edits their office's draft) and may submit it
/// at once. It runs the API's own create, edit and submit code, so the same checks apply.
/// </summary>
public sealed class NewModel(StepServices steps, IClock clock, IOptions<NodeOptions> node, IStringLocalizer<Ui> t, UiTexts texts) : PageModel
{
    /// <summary>The fields.</summary>
    [BindProperty]
    public RequestForm Form { get; set; } = new();

    /// <summary>The draft being edited, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    /// <summary>The node's code (not a target).</summary>
    public string NodeCode => node.Value.Code;

    /// <summary>Problems with the input, by field.</summary>
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>Shows an empty form, or the draft's content.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Prosecutor))
            return Forbid();
        if (Id is { } id)
        {
            if (await RequestQueries.FindAsync(steps.Db, id, User, ct) is not var (request, status))
                return NotFound();
            if (status != nameof(OutgoingRequestStateMachine.Draft))
                return Redirect($"/Requests/{id}");
            Form = RequestForm.From(request.Content);
        }
        else
        {
            Form = new RequestForm { OriginalLanguage = "ru", Targets = [] }.Padded();
        }
        return Page();
    }

    /// <summary>Saves the draft (<paramref name="submit"/>: then submits it for review).</summary>
    public async Task<IActionResult> OnPostAsync(bool submit, CancellationToken ct)
    {
        var content = Form.ToContent();
        steps.Commands.Describe(Id is null ? AuditTexts.Create.Format() : AuditTexts.Edit.Format(Id));
        var saved = Id is { } existing
            ? (await EditRequest.Handle(existing, content, User, steps.Db, steps.Commands, clock, node, steps.Limits, ct)).Result
            : (await CreateRequest.Handle(content, User, steps.Commands, clock, node, steps.Limits, ct)).Result;
        var id = saved switch
        {
            Created<CreateRequest.Response> created => created.Value!.Id,
            Ok<EditRequest.Response> edited => edited.Value!.Id,
            _ => (Guid?)null,
        };
        if (id is null)
        {
            Errors = saved is ValidationProblem v ? v.ProblemDetails.Errors : new Dictionary<string, string[]> { [""] = [saved?.GetType().Name ?? "error"] };
            Form.Padded();
            return Page();
        }
        if (submit)
        {
            steps.Commands.Describe(AuditTexts.Step.Format("submit", "request", id));
            var result = await RequestSteps.TakeOnRequestAsync("submit", id.Value, null, steps, ct);
            if (result is ValidationProblem missing)
                TempData["Error"] = $"{t["New.SubmitRefused"]} {string.Join(", ", missing.ProblemDetails.Errors.Keys.Select(texts.Field))}";
            else
                await WaitUntilSubmittedAsync(id.Value, ct);
        }
        return Redirect($"/Requests/{id}");
    }

    async Task WaitUntilSubmittedAsync(Guid id, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(5) && await RequestQueries.FindAsync(steps.Db, id, User, ct) is (_, nameof(OutgoingRequestStateMachine.Draft)))
            await Task.Delay(50, ct);
    }
}
