using System.Security.Claims;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Content;
using MlaRequests.Workflows.Requests;
using NodaTime;
using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Node.Features.Requests;

/// <summary>
/// The human steps on an outgoing request and its branches, each its own POST. A step is checked
/// in this order: the caller may see the request (404), may take this step (403), the workflow
/// accepts it in the current status (409, nothing changed), its input is complete (400); then the
/// workflow message and the idempotency record commit together and the answer is 202.
/// </summary>
public static class RequestSteps
{
    sealed record Step(string Route, string Event, string Role, bool OwnOffice);

    static readonly Step Submit = new("submit", "Submit", Roles.Prosecutor, true);
    static readonly Step Approve = new("approve", "Approve", Roles.LiaisonOfficer, false);
    static readonly Step Return = new("return", "Return", Roles.LiaisonOfficer, false);
    static readonly Step Reject = new("reject", "Reject", Roles.LiaisonOfficer, false);
    static readonly Step Withdraw = new("withdraw", "Withdraw", Roles.Prosecutor, true);
    static readonly Step Answer = new("answer-information", "Answer", Roles.Prosecutor, true);
    static readonly Step Confirm = new("confirm-evidence", "ConfirmEvidence", Roles.Prosecutor, true);
    static readonly Step[] OnRequest = [Submit, Approve, Return, Reject, Withdraw];
    static readonly Step[] OnBranch = [Answer, Confirm];

    /// <summary>Comments for a returned request.</summary>
    /// <param name="Comments">What the prosecutor should change.</param>
    public sealed record ReturnBody(string? Comments);

    /// <summary>Reasons for an internal rejection.</summary>
    /// <param name="Reasons">Why.</param>
    public sealed record RejectBody(string? Reasons);

    /// <summary>Reason for a withdrawal.</summary>
    /// <param name="Reason">Why.</param>
    public sealed record WithdrawBody(string? Reason);

    /// <summary>The answer to the requested country's questions.</summary>
    /// <param name="Answer">The answer.</param>
    public sealed record AnswerBody(string? Answer);

    /// <summary>Maps the step endpoints under <c>/api/requests/{id}</c>.</summary>
    public static void Map(RouteGroupBuilder requests)
    {
        requests.MapPost("/{id:guid}/submit", (Guid id, StepServices s, CancellationToken ct) => TakeOnRequestAsync("submit", id, null, s, ct));
        requests.MapPost("/{id:guid}/approve", (Guid id, StepServices s, CancellationToken ct) => TakeOnRequestAsync("approve", id, null, s, ct));
        requests.MapPost("/{id:guid}/return", (Guid id, ReturnBody body, StepServices s, CancellationToken ct) => TakeOnRequestAsync("return", id, body.Comments, s, ct));
        requests.MapPost("/{id:guid}/reject", (Guid id, RejectBody body, StepServices s, CancellationToken ct) => TakeOnRequestAsync("reject", id, body.Reasons, s, ct));
        requests.MapPost("/{id:guid}/withdraw", (Guid id, WithdrawBody body, StepServices s, CancellationToken ct) => TakeOnRequestAsync("withdraw", id, body.Reason, s, ct));
        requests.MapPost("/{id:guid}/targets/{country}/answer-information", (Guid id, string country, AnswerBody body, StepServices s, CancellationToken ct) =>
            TakeOnBranchAsync("answer-information", id, country, body.Answer, s, ct));
        requests.MapPost("/{id:guid}/targets/{country}/confirm-evidence", (Guid id, string country, StepServices s, CancellationToken ct) =>
            TakeOnBranchAsync("confirm-evidence", id, country, null, s, ct));
    }

    /// <summary>
    /// Takes the request step <paramref name="route"/> (submit, approve, return, reject, withdraw) with its one text field
    /// (comments, reasons, reason), exactly as its endpoint does; the web UI's forms call this too.
    /// </summary>
    public static Task<IResult> TakeOnRequestAsync(string route, Guid id, string? text, StepServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        return route switch
        {
            "submit" => SubmitAsync(id, s, ct),
            "approve" => OnRequestAsync(Approve, id, s, _ => [], (r, actor, at) => new ApproveRequest(id, actor, at), ct),
            "return" => OnRequestAsync(Return, id, s, _ => Required("comments", text, s.Limits), (r, actor, at) => new ReturnRequest(id, text!.Trim(), actor, at), ct),
            "reject" => OnRequestAsync(Reject, id, s, _ => Required("reasons", text, s.Limits), (r, actor, at) => new RejectRequest(id, text!.Trim(), actor, at), ct),
            "withdraw" => OnRequestAsync(Withdraw, id, s, _ => Required("reason", text, s.Limits), (r, actor, at) => new WithdrawRequest(id, text!.Trim(), actor, at), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, "Not a request step."),
        };
    }

    /// <summary>Takes the branch step <paramref name="route"/> (answer-information with its answer, confirm-evidence) as its endpoint does.</summary>
    public static Task<IResult> TakeOnBranchAsync(string route, Guid id, string country, string? text, StepServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        return route switch
        {
            "answer-information" => OnBranchAsync(Answer, id, country, s, Required("answer", text, s.Limits),
                (branch, actor, at) => new AnswerAdditionalInformation(branch, text!.Trim(), actor, at), ct),
            "confirm-evidence" => OnBranchAsync(Confirm, id, country, s, [], (branch, actor, at) => new ConfirmEvidenceReceived(branch, actor, at), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, "Not a branch step."),
        };
    }

    /// <summary>The request steps <paramref name="user"/> may take in <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> AllowedOnRequest(OutgoingRequestStateMachine machine, string status, ClaimsPrincipal user, string office) =>
        Allowed(OnRequest, WorkflowSteps.Allowed(machine, status), user, office);

    /// <summary>The branch steps <paramref name="user"/> may take in <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> AllowedOnBranch(BranchStateMachine machine, string status, ClaimsPrincipal user, string office) =>
        status is "Transmitting" or "NotTransmitted" ? [] : Allowed(OnBranch, WorkflowSteps.Allowed(machine, status), user, office);

    static IReadOnlyList<string> Allowed(Step[] steps, IReadOnlyList<string> events, ClaimsPrincipal user, string office) =>
        steps.Where(s => events.Contains(s.Event) && MayAct(s, user, office)).Select(s => s.Route).ToList();

    static bool MayAct(Step step, ClaimsPrincipal user, string office) => user.IsInRole(step.Role) && (!step.OwnOffice || user.Office() == office);

    static Dictionary<string, string[]> Required(string field, string? value, InputLimits limits) =>
        string.IsNullOrWhiteSpace(value) ? new() { [field] = [ProblemTexts.Required.Format(field)] }
        : value.Length > limits.TextLength ? new() { [field] = [ProblemTexts.TooLong.Format(limits.TextLength)] }
        : [];

    static Task<IResult> SubmitAsync(Guid id, StepServices s, CancellationToken ct) =>
        OnRequestAsync(Submit, id, s, request => ContentData.RequiredContent.Missing(request.Content), (request, actor, at) =>
        {
            var child = request.Content.HasChildVictim(request.CreatedAt.InUtc().Date);
            return new SubmitRequest(id, request.Content.Kind, request.Content.LegalBasis!.Value, request.Content.Urgent || child, request.Content.Targets, actor, at);
        }, ct, async (db, at) =>
        {
            var request = await db.Requests.SingleAsync(r => r.Id == id, ct);
            request.ChildVictimPriority = request.Content.HasChildVictim(request.CreatedAt.InUtc().Date);
        });

    static async Task<IResult> OnRequestAsync(Step step, Guid id, StepServices s, Func<MlaRequest, Dictionary<string, string[]>> validate,
        Func<MlaRequest, string, Instant, object> message, CancellationToken ct, Func<NodeDbContext, Instant, Task>? alsoWrite = null)
    {
        if (await RequestQueries.FindAsync(s.Db, id, s.User, ct) is not var (request, status))
            return TypedResults.NotFound();
        if (!MayAct(step, s.User, request.OfficeCode))
            return TypedResults.Forbid();
        if (!WorkflowSteps.Allowed(s.RequestMachine, status).Contains(step.Event))
            return TypedResults.Problem(StepProblems.NotAllowed(step.Route, status, AllowedOnRequest(s.RequestMachine, status, s.User, request.OfficeCode)));
        var errors = validate(request);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: $"The step '{step.Route}' needs {errors.Count} more field(s).");
        return await CommitAsync(step, id, status, s, db => alsoWrite?.Invoke(db, s.Now) ?? Task.CompletedTask,
            message(request, s.User.UserName(), s.Now), $"/api/requests/{id}", ct);
    }

    static async Task<IResult> OnBranchAsync(Step step, Guid id, string country, StepServices s, Dictionary<string, string[]> errors,
        Func<Guid, string, Instant, object> message, CancellationToken ct)
    {
        if (await RequestQueries.FindAsync(s.Db, id, s.User, ct) is not var (request, _))
            return TypedResults.NotFound();
        var branchId = DeterministicGuid.Branch(id, country);
        var status = await s.Db.BranchWorkflows.AsNoTracking().Where(b => b.CorrelationId == branchId).Select(b => b.CurrentState).SingleOrDefaultAsync(ct);
        if (status is null)
            return TypedResults.NotFound();
        if (!MayAct(step, s.User, request.OfficeCode))
            return TypedResults.Forbid();
        if (!WorkflowSteps.Allowed(s.BranchMachine, status).Contains(step.Event))
            return TypedResults.Problem(StepProblems.NotAllowed(step.Route, status, AllowedOnBranch(s.BranchMachine, status, s.User, request.OfficeCode)));
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return await CommitAsync(step, id, status, s, _ => Task.CompletedTask, message(branchId, s.User.UserName(), s.Now), $"/api/requests/{id}", ct);
    }

    static async Task<IResult> CommitAsync(Step step, Guid id, string status, StepServices s, Func<NodeDbContext, Task> alsoWrite, object message,
        string location, CancellationToken ct)
    {
        var result = new StepResult(id, step.Route, status);
        await s.Commands.CommitAsync(async db =>
        {
            await alsoWrite(db);
            s.Commands.Publish(message);
        }, StatusCodes.Status202Accepted, result, location, ct);
        return TypedResults.Accepted(location, result);
    }
}
