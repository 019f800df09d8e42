using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Content;
using MlaRequests.Workflows.Data;
using MlaRequests.Workflows.IncomingCases;
using NodaTime;
using NodaTime.Text;
using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Node.Features.Incoming;

/// <summary>
/// The liaison officer's steps on a received request, each its own POST under <c>/api/incoming/{id}</c>.
/// Checked like the request steps: 404, 403 (liaison officers only), 409 (status), 400 (input).
/// </summary>
public static class IncomingSteps
{
    static readonly (string Route, string Event)[] Steps =
    [
        ("register", "Register"), ("assign", "Assign"), ("extend-recognition", "Extend"), ("request-information", "AskForInformation"),
        ("accept", "Acceptance"), ("refuse", "Refuse"), ("postpone", "Postpone"), ("record-execution", "Execution"),
        ("transfer-evidence", "Transfer"), ("open-mirror-case", "OpenMirror"), ("close", "Close"),
    ];

    /// <summary>The officer to assign.</summary>
    /// <param name="Assignee">User name of the officer.</param>
    public sealed record AssignBody(string? Assignee);

    /// <summary>An extension of the recognition period.</summary>
    /// <param name="Extension">ISO-8601 period, e.g. <c>P20D</c>.</param>
    /// <param name="Reasons">Why (mandatory).</param>
    public sealed record ExtendBody(string? Extension, string? Reasons);

    /// <summary>Questions for the requesting country.</summary>
    /// <param name="Questions">What is needed.</param>
    public sealed record QuestionsBody(string? Questions);

    /// <summary>A refusal.</summary>
    /// <param name="Grounds">Ground codes (see <c>GET /api/refusal-grounds</c>).</param>
    /// <param name="Reasons">Mandatory reasons.</param>
    public sealed record RefuseBody(IReadOnlyList<string>? Grounds, string? Reasons);

    /// <summary>A postponement.</summary>
    /// <param name="Reason">Why.</param>
    /// <param name="Until">Until when (a future date).</param>
    public sealed record PostponeBody(string? Reason, LocalDate? Until);

    /// <summary>Execution done so far.</summary>
    /// <param name="Complete">True when every measure is executed.</param>
    /// <param name="Summary">What was done.</param>
    public sealed record ExecutionBody(bool Complete, string? Summary);

    /// <summary>The evidence sent.</summary>
    /// <param name="Description">What was sent and how.</param>
    public sealed record TransferBody(string? Description);

    /// <summary>Every field any incoming step takes (each step reads its own; the web UI's forms fill the ones they show).</summary>
    public sealed record StepInput
    {
        /// <summary>assign: user name of the officer.</summary>
        public string? Assignee { get; init; }

        /// <summary>extend-recognition: ISO-8601 period.</summary>
        public string? Extension { get; init; }

        /// <summary>extend-recognition, refuse: reasons.</summary>
        public string? Reasons { get; init; }

        /// <summary>request-information: the questions.</summary>
        public string? Questions { get; init; }

        /// <summary>refuse: coded grounds.</summary>
        public IReadOnlyList<string>? Grounds { get; init; }

        /// <summary>postpone: the reason.</summary>
        public string? Reason { get; init; }

        /// <summary>postpone: until when.</summary>
        public LocalDate? Until { get; init; }

        /// <summary>record-execution: every measure executed.</summary>
        public bool Complete { get; init; }

        /// <summary>record-execution: what was done.</summary>
        public string? Summary { get; init; }

        /// <summary>transfer-evidence: what was sent and how.</summary>
        public string? Description { get; init; }
    }

    /// <summary>Maps the steps under <c>/api/incoming</c>.</summary>
    public static void Map(RouteGroupBuilder incoming)
    {
        incoming.MapPost("/{id:guid}/register", (Guid id, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
            TakeAsync("register", id, new StepInput(), s, node, ct));
        incoming.MapPost("/{id:guid}/assign", (Guid id, AssignBody body, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
            TakeAsync("assign", id, new StepInput { Assignee = body.Assignee }, s, node, ct));
        incoming.MapPost("/{id:guid}/extend-recognition", (Guid id, ExtendBody body, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
            TakeAsync("extend-recognition", id, new StepInput { Extension = body.Extension, Reasons = body.Reasons }, s, node, ct));
        incoming.MapPost("/{id:guid}/request-information", (Guid id, QuestionsBody body, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
            TakeAsync("request-information", id, new StepInput { Questions = body.Questions }, s, node, ct));
        incoming.MapPost("/{id:guid}/accept", (Guid id, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
            TakeAsync("accept", id, new StepInput(), s, node, ct));
        incoming.MapPost("/{id:guid}/refuse", (Guid id, RefuseBody body, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
            TakeAsync("refuse", id, new StepInput { Grounds = body.Grounds, Reasons = body.Reasons }, s, node, ct));
        incoming.MapPost("/{id:guid}/postpone", (Guid id, PostponeBody body, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
            TakeAsync("postpone", id, new StepInput { Reason = body.Reason, Until = body.Until }, s, node, ct));
        incoming.MapPost("/{id:guid}/record-execution", (Guid id, ExecutionBody body, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
            TakeAsync("record-execution", id, new StepInput { Complete = body.Complete, Summary = body.Summary }, s, node, ct));
        incoming.MapPost("/{id:guid}/transfer-evidence", (Guid id, TransferBody body, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
            TakeAsync("transfer-evidence", id, new StepInput { Description = body.Description }, s, node, ct));
        incoming.MapPost("/{id:guid}/open-mirror-case", (Guid id, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
            TakeAsync("open-mirror-case", id, new StepInput(), s, node, ct));
        incoming.MapPost("/{id:guid}/close", (Guid id, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
            TakeAsync("close", id, new StepInput(), s, node, ct));
    }

    /// <summary>Takes the incoming step <paramref name="route"/> with the fields of <paramref name="input"/> it reads, exactly as its endpoint does.</summary>
    public static Task<IResult> TakeAsync(string route, Guid id, StepInput input, StepServices s, IOptions<NodeOptions> node, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(s);
        return route switch
        {
            "register" => RunAsync("register", id, s, (_, _) => [], (c, actor, at) => new RegisterIncoming(id, actor, at), ct),
            "assign" => RunAsync("assign", id, s, (_, _) => Assignees.ProblemsAsync(s, input.Assignee, ct),
                (c, actor, at) => new AssignIncoming(id, input.Assignee!.Trim(), actor, at), ct,
                (db, _) => SetAsync(db, id, c => c.AssignedTo = input.Assignee!.Trim(), ct)),
            "extend-recognition" => RunAsync("extend-recognition", id, s, (c, _) => ValidateExtension(s.Db, c, new ExtendBody(input.Extension, input.Reasons), s.Limits, ct),
                (c, actor, at) => new ExtendRecognition(id, PeriodPattern.NormalizingIso.Parse(input.Extension!).Value, input.Reasons!.Trim(), actor, at), ct,
                (db, _) => SetAsync(db, id, c => c.RecognitionExtendedAt = s.Now, ct)),
            "request-information" => RunAsync("request-information", id, s, (_, _) => Required("questions", input.Questions, s.Limits),
                (c, actor, at) => new RequestMoreInformation(id, input.Questions!.Trim(), actor, at), ct),
            "accept" => AcceptAsync(id, s, node, ct),
            "refuse" => RunAsync("refuse", id, s, (_, _) => ValidateRefusal(new RefuseBody(input.Grounds, input.Reasons), s.Limits),
                (c, actor, at) => new RefuseIncoming(id, input.Grounds!, input.Reasons!.Trim(), actor, at), ct),
            "postpone" => RunAsync("postpone", id, s, (_, at) => ValidatePostponement(new PostponeBody(input.Reason, input.Until), at, s.Limits),
                (c, actor, at) => new PostponeIncoming(id, input.Reason!.Trim(), input.Until!.Value, actor, at), ct),
            "record-execution" => RunAsync("record-execution", id, s, (_, _) => Required("summary", input.Summary, s.Limits),
                (c, actor, at) => new RecordExecution(id, input.Complete, input.Summary!.Trim(), actor, at), ct),
            "transfer-evidence" => RunAsync("transfer-evidence", id, s, (_, _) => Required("description", input.Description, s.Limits),
                (c, actor, at) => new TransferEvidence(id, input.Description!.Trim(), actor, at), ct),
            "open-mirror-case" => OpenMirrorAsync(id, s, node, ct),
            "close" => RunAsync("close", id, s, (_, _) => [], (c, actor, at) => new CloseIncoming(id, actor, at), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, "Not an incoming step."),
        };
    }

    /// <summary>The steps <paramref name="user"/> may take in <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> Allowed(IncomingCaseStateMachine machine, string status, ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.LiaisonOfficer))
            return [];
        var events = WorkflowSteps.Allowed(machine, status);
        return Steps.Where(s => events.Contains(s.Event)).Select(s => s.Route).ToList();
    }

    static async Task<IResult> AcceptAsync(Guid id, StepServices s, IOptions<NodeOptions> node, CancellationToken ct)
    {
        string? domestic = null;
        return await RunAsync("accept", id, s, (_, _) => [], (c, actor, at) => new AcceptIncoming(id, domestic, actor, at), ct, async (db, c) =>
        {
            if (c.Content.Kind is RequestKind.MirrorInvestigation)
                domestic = await OpenDomesticCaseAsync(db, id, node.Value.Code, s.Now, ct);
        });
    }

    static async Task<IResult> OpenMirrorAsync(Guid id, StepServices s, IOptions<NodeOptions> node, CancellationToken ct)
    {
        string? domestic = null;
        return await RunAsync("open-mirror-case", id, s, (_, _) => [], (c, actor, at) => new OpenMirrorCase(id, domestic!, actor, at), ct,
            async (db, _) => domestic = await OpenDomesticCaseAsync(db, id, node.Value.Code, s.Now, ct));
    }

    static async Task<string> OpenDomesticCaseAsync(NodeDbContext db, Guid id, string node, Instant now, CancellationToken ct)
    {
        var reference = await References.NextAsync(db, $"{node}-MC", now, ct);
        await SetAsync(db, id, c => c.DomesticCaseReference = reference, ct);
        return reference;
    }

    static async Task SetAsync(NodeDbContext db, Guid id, Action<IncomingCase> change, CancellationToken ct) =>
        change(await db.IncomingCases.SingleAsync(c => c.Id == id, ct));

    static Task<IResult> RunAsync(string route, Guid id, StepServices s, Func<IncomingCase, Instant, Dictionary<string, string[]>> validate,
        Func<IncomingCase, string, Instant, object> message, CancellationToken ct, Func<NodeDbContext, IncomingCase, Task>? alsoWrite = null) =>
        RunAsync(route, id, s, (c, at) => Task.FromResult(validate(c, at)), message, ct, alsoWrite);

    static async Task<IResult> RunAsync(string route, Guid id, StepServices s, Func<IncomingCase, Instant, Task<Dictionary<string, string[]>>> validate,
        Func<IncomingCase, string, Instant, object> message, CancellationToken ct, Func<NodeDbContext, IncomingCase, Task>? alsoWrite = null)
    {
        if (!IncomingQueries.MaySee(s.User))
            return TypedResults.Forbid();
        var found = await s.Db.IncomingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
            return TypedResults.NotFound();
        if (!s.User.IsInRole(Roles.LiaisonOfficer))
            return TypedResults.Forbid();
        var status = await s.Db.IncomingCaseWorkflows.AsNoTracking().Where(w => w.CorrelationId == id).Select(w => w.CurrentState)
            .SingleOrDefaultAsync(ct) ?? "Received";
        var step = Steps.Single(x => x.Route == route);
        if (!WorkflowSteps.Allowed(s.IncomingMachine, status).Contains(step.Event))
            return TypedResults.Problem(StepProblems.NotAllowed(route, status, Allowed(s.IncomingMachine, status, s.User)));
        var errors = await validate(found, s.Now);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var result = new StepResult(id, route, status);
        var location = $"/api/incoming/{id}";
        await s.Commands.CommitAsync(async db =>
        {
            if (alsoWrite is not null)
                await alsoWrite(db, found);
            s.Commands.Publish(message(found, s.User.UserName(), s.Now));
        }, StatusCodes.Status202Accepted, result, location, ct);
        return TypedResults.Accepted(location, result);
    }

    static Dictionary<string, string[]> Required(string field, string? value, InputLimits limits) =>
        string.IsNullOrWhiteSpace(value) ? new() { [field] = [ProblemTexts.Required.Format(field)] }
        : value.Length > limits.TextLength ? new() { [field] = [ProblemTexts.TooLong.Format(limits.TextLength)] }
        : [];

    static Dictionary<string, string[]> ValidateRefusal(RefuseBody body, InputLimits limits)
    {
        var errors = Required("reasons", body.Reasons, limits);
        var known = ContentData.RefusalGrounds.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        if (body.Grounds is not { Count: > 0 })
            errors["grounds"] = [ProblemTexts.GroundsRequired.Format()];
        else if (body.Grounds.Count > limits.ListItems)
            errors["grounds"] = [ProblemTexts.TooMany.Format(limits.ListItems)];
        else if (body.Grounds.ToList().FindIndex(g => g is null) is >= 0 and var empty)
            errors[$"grounds[{empty}]"] = [ProblemTexts.NullEntry.Format()];
        else if (body.Grounds.Any(g => g.Length > limits.NameLength))
            errors["grounds"] = [ProblemTexts.TooLong.Format(limits.NameLength)];
        else if (body.Grounds.Any(g => g.Equals("FISCAL", StringComparison.OrdinalIgnoreCase)))
            errors["grounds"] = [ProblemTexts.FiscalGround.Format()];
        else if (body.Grounds.Where(g => !known.Contains(g)).ToList() is { Count: > 0 } unknown)
            errors["grounds"] = [ProblemTexts.UnknownGrounds.Format(string.Join(", ", unknown), string.Join(", ", known))];
        return errors;
    }

    static Dictionary<string, string[]> ValidatePostponement(PostponeBody body, Instant now, InputLimits limits)
    {
        var errors = Required("reason", body.Reason, limits);
        var today = now.InUtc().Date;
        if (body.Until is null || body.Until <= today)
            errors["until"] = [ProblemTexts.FutureDate.Format()];
        else if (body.Until > today.PlusYears(limits.DateWindowYears))
            errors["until"] = [ProblemTexts.DateRange.Format(LocalDatePattern.Iso.Format(today.PlusDays(1)), LocalDatePattern.Iso.Format(today.PlusYears(limits.DateWindowYears)))];
        return errors;
    }

    static async Task<Dictionary<string, string[]>> ValidateExtension(NodeDbContext db, IncomingCase found, ExtendBody body, InputLimits limits,
        CancellationToken ct)
    {
        var errors = Required("reasons", body.Reasons, limits);
        var parsed = body.Extension is null ? null : PeriodPattern.NormalizingIso.Parse(body.Extension);
        if (parsed is not { Success: true })
        {
            errors["extension"] = [ProblemTexts.PeriodRequired.Format()];
            return errors;
        }
        var basis = found.Content.LegalBasis ?? LegalBasis.Reciprocity;
        var rule = WorkflowData.DeadlinePolicies.Rule(ClockKind.Recognition, basis, found.Urgent);
        var clock = await db.Clocks.AsNoTracking().SingleOrDefaultAsync(c => c.SubjectId == found.Id && c.Kind == ClockKind.Recognition, ct);
        if (clock?.Extended == true || found.RecognitionExtendedAt is not null)
            errors["extension"] = [ProblemTexts.ExtendedOnce.Format()];
        // Only days count against the cap: P1Y10D has ten days and a year the cap would otherwise not see.
        else if (rule.MaxExtension is not { } max || parsed.Value.HasTimeComponent || parsed.Value.Years != 0 || parsed.Value.Months != 0 || parsed.Value.Weeks != 0
                 || parsed.Value.Days <= 0 || parsed.Value.Days > max.Days)
            errors["extension"] = [ProblemTexts.ExtensionRange.Format(rule.MaxExtension?.Days ?? 0, rule.Source)];
        return errors;
    }
}
