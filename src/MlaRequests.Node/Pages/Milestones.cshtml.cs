using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Milestones;
using MlaRequests.Node.Resources;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Node.Pages;

/// <summary>
/// Where the milestone forms of the request and incoming pages post: the step runs through the API's own code
/// (<see cref="MilestoneEndpoints.TakeAsync"/>: same table, checks, transaction and audit row), then the user returns to the page.
/// </summary>
public sealed class MilestonesModel(StepServices steps, IStringLocalizer<Ui> t, UiTexts texts) : PageModel
{
    /// <summary>What the form posted.</summary>
    [BindProperty]
    public MilestoneForm Form { get; set; } = new();

    /// <summary>Takes the step.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var back = Url.IsLocalUrl(Form.ReturnUrl) ? Form.ReturnUrl! : "/";
        var step = MilestoneSteps.All.SingleOrDefault(s => s.Scope.ToString() == Form.Scope && s.Name == Form.Step && s.Scope != MilestoneScope.Branch);
        if (step is null || (step.OnMilestone && Form.MilestoneId is null))
            return BadRequest();
        steps.Commands.Describe($"milestone {Form.Step} on {Form.Scope.ToLowerInvariant()} {Form.Id} (web)");
        var date = Form.Date is null ? null : LocalDatePattern.Iso.Parse(Form.Date) is { Success: true } parsed ? parsed.Value : (LocalDate?)null;
        object? body = step.Body switch
        {
            null => null,
            var b when b == typeof(MilestoneEndpoints.ProposeBody) => new MilestoneEndpoints.ProposeBody(Form.Text, date),
            var b when b == typeof(SharedMilestoneEndpoints.ScheduleBody) => new SharedMilestoneEndpoints.ScheduleBody(Form.Text, date, [.. Form.Countries]),
            var b when b == typeof(SharedMilestoneEndpoints.RescheduleBody) => new SharedMilestoneEndpoints.RescheduleBody(date, Form.Text),
            _ => new SharedMilestoneEndpoints.CancelBody(Form.Text),
        };
        var result = await MilestoneEndpoints.TakeAsync(step, Form.Id, null, Form.MilestoneId, body, steps, ct);
        if (Problem(result) is { } problem)
            TempData["Error"] = $"{t["Step.NotTaken"]} {problem}";
        else
            TempData["Message"] = $"{t["Step.Taken"]}: {t["Step.milestone-" + step.Name]}";
        return LocalRedirect(back);
    }

    string? Problem(IResult result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } => null,
        ValidationProblem v => string.Join(" ", v.ProblemDetails.Errors.Select(e => $"{texts.Field(e.Key)}: {string.Join(" ", e.Value.Select(texts.Problem))}")),
        ProblemHttpResult p => texts.Problem(p.ProblemDetails.Detail ?? p.ProblemDetails.Title ?? string.Empty),
        Microsoft.AspNetCore.Http.HttpResults.NotFound => "404",
        ForbidHttpResult => "403",
        _ => result.GetType().Name,
    };
}

/// <summary>The fields of a milestone form.</summary>
public sealed class MilestoneForm
{
    /// <summary>Request or Incoming.</summary>
    public string Scope { get; set; } = string.Empty;

    /// <summary>The request or case.</summary>
    public Guid Id { get; set; }

    /// <summary>The milestone, for a step on one.</summary>
    public Guid? MilestoneId { get; set; }

    /// <summary>The step's name.</summary>
    public string Step { get; set; } = string.Empty;

    /// <summary>The title (schedule) or reason (reschedule, cancel).</summary>
    public string? Text { get; set; }

    /// <summary>The date, ISO.</summary>
    public string? Date { get; set; }

    /// <summary>The participating countries (schedule).</summary>
    public List<string> Countries { get; set; } = [];

    /// <summary>Where to go back to.</summary>
    public string? ReturnUrl { get; set; }
}
