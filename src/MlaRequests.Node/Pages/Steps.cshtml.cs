using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MlaRequests.Domain;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Incoming;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Resources;
using NodaTime.Text;
using MlaRequests.Node.Audit;

namespace MlaRequests.Node.Pages;

/// <summary>
/// Where every step form of the UI posts: the step runs through the API's own code (same checks,
/// same transaction, same audit row), the page waits briefly for the workflow to apply it, then
/// returns to the page the user came from with what happened.
/// </summary>
public sealed class StepsModel(StepServices steps, IOptions<NodeOptions> node, IStringLocalizer<Ui> t, UiTexts texts) : PageModel
{
    /// <summary>What the form posted.</summary>
    [BindProperty]
    public StepForm Form { get; set; } = new();

    /// <summary>Runs the step.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var back = Url.IsLocalUrl(Form.ReturnUrl) ? Form.ReturnUrl! : "/";
        if (!StepForm.Known(Form.Subject, Form.Route))
            return BadRequest();
        steps.Commands.Describe(AuditTexts.Step.Format(Form.Route, Form.Subject, Form.Country is null ? Form.Id.ToString() : $"{Form.Id} {Form.Country}"));
        var before = await StatusAsync(ct);
        var result = Form.Subject switch
        {
            "request" => await RequestSteps.TakeOnRequestAsync(Form.Route, Form.Id, Form.Text, steps, ct),
            "branch" => await RequestSteps.TakeOnBranchAsync(Form.Route, Form.Id, Form.Country ?? string.Empty, Form.Text, steps, ct, Form.Date(), Form.Jit()),
            _ => await IncomingSteps.TakeAsync(Form.Route, Form.Id, Form.ToIncomingInput(MlaRequests.Domain.NodeTime.Zone(node.Value.Code)), steps, node, ct),
        };
        if (Problem(result) is { } problem)
        {
            TempData["Error"] = $"{t["Step.NotTaken"]} {problem}";
            return LocalRedirect(back);
        }
        await WaitForWorkflowAsync(before, ct);
        TempData["Message"] = $"{t["Step.Taken"]}: {t["Step." + Form.Route]}";
        return LocalRedirect(back);
    }

    /// <summary>Why the step was not taken, in the user's language (the API's problem details are English).</summary>
    string? Problem(IResult result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } => null,
        ValidationProblem v => string.Join(" ", v.ProblemDetails.Errors.Select(e => $"{texts.Field(e.Key)}: {string.Join(" ", e.Value.Select(texts.Problem))}")),
        ProblemHttpResult p => texts.Problem(p.ProblemDetails.Detail ?? p.ProblemDetails.Title ?? string.Empty),
        Microsoft.AspNetCore.Http.HttpResults.NotFound => "404",
        ForbidHttpResult => "403",
        _ => result.GetType().Name,
    };

    /// <summary>The workflow applies an accepted step right after the commit; the page shows the new status once it has (or after 5 s).</summary>
    async Task WaitForWorkflowAsync(string? before, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(5) && await StatusAsync(ct) == before)
            await Task.Delay(50, ct);
    }

    Task<string?> StatusAsync(CancellationToken ct) => Form.Subject switch
    {
        "request" => steps.Db.OutgoingRequestWorkflows.AsNoTracking().Where(w => w.CorrelationId == Form.Id).Select(w => w.CurrentState).SingleOrDefaultAsync(ct),
        "branch" => steps.Db.BranchWorkflows.AsNoTracking().Where(w => w.CorrelationId == DeterministicGuid.Branch(Form.Id, Form.Country ?? string.Empty))
            .Select(w => w.CurrentState).SingleOrDefaultAsync(ct),
        _ => steps.Db.IncomingCaseWorkflows.AsNoTracking().Where(w => w.CorrelationId == Form.Id).Select(w => w.CurrentState).SingleOrDefaultAsync(ct),
    };
}

/// <summary>The fields of a step form.</summary>
public sealed class StepForm
{
    /// <summary>request, branch or incoming.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The request or case.</summary>
    public Guid Id { get; set; }

    /// <summary>The branch's country.</summary>
    public string? Country { get; set; }

    /// <summary>The step.</summary>
    public string Route { get; set; } = string.Empty;

    /// <summary>The one text of request and branch steps (comments, reasons, reason, answer).</summary>
    public string? Text { get; set; }

    /// <summary>assign.</summary>
    public string? Assignee { get; set; }

    /// <summary>extend-recognition: days.</summary>
    public int? ExtensionDays { get; set; }

    /// <summary>refuse: coded grounds.</summary>
    public List<string> Grounds { get; set; } = [];

    /// <summary>postpone: ISO date.</summary>
    public string? Until { get; set; }

    /// <summary>record-execution.</summary>
    public bool Complete { get; set; }

    /// <summary>record-measure, propose-measure-refusal, sign-off-measure-refusal: the measure's number.</summary>
    public int? Measure { get; set; }

    /// <summary>record-measure: the measure's status.</summary>
    public string? MeasureStatus { get; set; }

    /// <summary>answer-enquiry: the enquiry answered.</summary>
    public Guid? EnquiryId { get; set; }

    /// <summary>decide-provisional-measure: Ordered or Refused.</summary>
    public string? Outcome { get; set; }

    /// <summary>decide-provisional-measure: when it was ordered or refused, as a local date and time of this node (<c>yyyy-MM-ddTHH:mm</c>).</summary>
    public string? DecidedAt { get; set; }

    /// <summary>decide-provisional-measure: which authority.</summary>
    public string? Authority { get; set; }

    /// <summary>consult: the purpose.</summary>
    public string? Purpose { get; set; }

    /// <summary>consult, accept-under-conditions: a wording per condition kind (kinds left empty are not conditions).</summary>
    public Dictionary<string, string> Conditions { get; set; } = [];

    /// <summary>propose-amendment, propose-jit-amendment: the amended agreement's purpose.</summary>
    public string? JitPurpose { get; set; }

    /// <summary>propose-amendment, propose-jit-amendment: the members, one a line: country | name | function | authority | leader (anything there: the party's leader).</summary>
    public string? JitMembers { get; set; }

    /// <summary>propose-amendment, propose-jit-amendment: the amended agreement's operational arrangements.</summary>
    public string? JitArrangements { get; set; }

    /// <summary>The amended JIT agreement the form describes, or null when it describes none.</summary>
    public MlaRequests.Domain.Requests.JitProposal? Jit() =>
        string.IsNullOrWhiteSpace(JitPurpose) && string.IsNullOrWhiteSpace(JitMembers) && string.IsNullOrWhiteSpace(JitArrangements) ? null : new()
        {
            Purpose = JitPurpose, Arrangements = JitArrangements,
            Members = (JitMembers ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
            {
                var part = line.Split('|', StringSplitOptions.TrimEntries);
                string? At(int i) => i < part.Length && part[i].Length > 0 ? part[i] : null;
                return new MlaRequests.Domain.Requests.JitMember
                {
                    Country = At(0)?.ToUpperInvariant(), Name = At(1), Function = At(2), Authority = At(3), Leader = At(4) is not null,
                };
            }).ToList(),
        };

    /// <summary>Where to go back to.</summary>
    public string? ReturnUrl { get; set; }

    /// <summary>True for a subject and step the UI knows (a step of that subject's table).</summary>
    public static bool Known(string subject, string route) => Layout(subject, route) is not null;

    /// <summary>How the form of <paramref name="subject"/>'s step <paramref name="route"/> looks, from its workflow's step table; null when there is no such step.</summary>
    public static StepFormLayout? Layout(string subject, string route) => subject switch
    {
        "request" => RequestSteps.RequestForm(route),
        "branch" => RequestSteps.BranchForm(route),
        "incoming" => IncomingSteps.Find(route)?.Form,
        _ => null,
    };

    /// <summary><see cref="Until"/> as a date (the branch steps' one date field), or null when empty or not a date.</summary>
    public NodaTime.LocalDate? Date() => Until is not null && LocalDatePattern.Iso.Parse(Until) is { Success: true } date ? date.Value : null;

    /// <summary>The incoming step's input: <see cref="Text"/> is whatever text the step takes; a local date and time is read in <paramref name="zone"/>.</summary>
    public IncomingSteps.StepInput ToIncomingInput(NodaTime.DateTimeZone zone) => new()
    {
        Assignee = Assignee, Extension = ExtensionDays is { } days ? $"P{days}D" : null, Reasons = Text, Questions = Text,
        Grounds = Grounds, Reason = Text, Until = Until is null ? null : LocalDatePattern.Iso.Parse(Until) is { Success: true } date ? date.Value : null,
        Complete = Complete, Summary = Text, Description = Text, Measure = Measure, MeasureStatus = MeasureStatus, EnquiryId = EnquiryId, Answer = Text, FileNumber = Text ?? string.Empty,
        Outcome = Outcome, Authority = Authority,
        DecidedAt = DecidedAt is null ? null : LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(DecidedAt) is { Success: true } local
            ? local.Value.InZoneLeniently(zone).ToInstant() : null,
        Purpose = Purpose, Jit = Jit(), Conditions = MlaRequests.Domain.Cases.ConsultationCodes.ConditionKinds
            .Where(k => !string.IsNullOrWhiteSpace(Conditions.GetValueOrDefault(k))).Select(k => new IncomingSteps.ConditionBody(k, Conditions[k])).ToList(),
    };
}
