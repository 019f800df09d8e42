using System.Security.Claims;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Content;
using MlaRequests.Workflows.Requests;

namespace MlaRequests.Node.Features.Requests;

/// <summary>
/// The human steps on an outgoing request and its branches, each its own POST, all from two tables
/// (<see cref="OnRequest"/>, <see cref="OnBranch"/>) from which the routes, the web UI's forms, the
/// <c>allowedSteps</c> answers and the API document are read. A step is checked in this order: the caller may
/// see the request (404), may take this step (403), the workflow accepts it in the current status (409,
/// nothing changed), its input is complete (400); then the workflow message and the idempotency record
/// commit together and the answer is 202. Adding a step is one entry plus its transition.
/// </summary>
public static class RequestSteps
{
    /// <summary>Comments for a returned request.</summary>
    /// <param name="Comments">What the prosecutor should change.</param>
    public sealed record ReturnBody(string? Comments);

    /// <summary>Reasons for an internal rejection.</summary>
    /// <param name="Reasons">Why.</param>
    public sealed record RejectBody(string? Reasons);

    /// <summary>Reason for a withdrawal.</summary>
    /// <param name="Reason">Why.</param>
    public sealed record WithdrawBody(string? Reason);

    /// <summary>A status enquiry or reminder (UNTOC Art. 18(24)).</summary>
    /// <param name="Question">What is asked and why (a reasoned enquiry).</param>
    public sealed record EnquiryBody(string? Question);

    /// <summary>The answer to the requested country's questions.</summary>
    /// <param name="Answer">The answer.</param>
    public sealed record AnswerBody(string? Answer);

    /// <summary>The requesting office's acceptance of what a consultation proposed.</summary>
    /// <param name="Note">An optional note.</param>
    public sealed record AcceptConsultationBody(string? Note);

    /// <summary>The steps on the request itself, under <c>/api/requests/{id}</c>.</summary>
    public static IReadOnlyList<RequestStep<OutgoingRequestStateMachine>> OnRequest { get; } =
    [
        new("submit", m => m.SubmitRequest, Roles.Prosecutor, true, null, new(), "Submit the request for review",
            "Sends the draft to the central authority's review. Each requested country's legal basis (targetBases, else legalBasis) must apply "
            + "between this state and that one (refused with the field named), and every field that basis requires must be present; details asked "
            + "for only where possible, details stated unknown and unverified legal-basis entries are returned as warnings beside the result.",
            x => SubmitReview.Missing(x.Request.Content, x.Services.NodeCode, x.At),
            x => new SubmitRequest(x.Id, x.Request.Content.Kind, SubmitReview.ReviewBasis(x.Request.Content),
                x.Request.Content.IsPriority(NodeTime.Today(x.Services.NodeCode, x.Request.CreatedAt)), x.Request.Content.Targets, x.Actor, x.At),
            async (db, x) =>
            {
                var request = await db.Requests.SingleAsync(r => r.Id == x.Id, x.Cancellation);
                request.ChildVictimPriority = request.Content.HasChildVictim(NodeTime.Today(x.Services.NodeCode, request.CreatedAt));
            }) { Mapper = (g, step) => MapOnRequest(g, step), Warnings = SubmitReview.Warnings },
        new("approve", m => m.ApproveRequest, Roles.LiaisonOfficer, false, null, new(), "Approve the request",
            "Releases the request: it is transmitted to every requested country and a branch opens per country. The answer carries the same warnings "
            + "as submit, among them a desired date earlier than the last day the deadline policies give a requested country (UNTOC Art. 18(24)); "
            + "none blocks the approval.",
            _ => [], x => new ApproveRequest(x.Id, x.Actor, x.At)) { Mapper = (g, step) => MapOnRequest(g, step), Warnings = SubmitReview.Warnings },
        new("return", m => m.ReturnRequest, Roles.LiaisonOfficer, false, typeof(ReturnBody), new("Step.Comments"), "Return the request to the prosecutor",
            "Returns the request to its draft with comments on what to change.",
            x => StepInputRules.Required("comments", x.Text, x.Services.Limits), x => new ReturnRequest(x.Id, x.Text!.Trim(), x.Actor, x.At))
            { Mapper = (g, step) => MapOnRequest<ReturnBody>(g, step, b => b.Comments) },
        new("reject", m => m.RejectRequest, Roles.LiaisonOfficer, false, typeof(RejectBody), new("Step.Reasons", Danger: true), "Reject the request internally",
            "Rejects the request in the internal review, with reasons; it is never sent.",
            x => StepInputRules.Required("reasons", x.Text, x.Services.Limits), x => new RejectRequest(x.Id, x.Text!.Trim(), x.Actor, x.At))
            { Mapper = (g, step) => MapOnRequest<RejectBody>(g, step, b => b.Reasons) },
        new("withdraw", m => m.WithdrawRequest, Roles.Prosecutor, true, typeof(WithdrawBody), new("Step.Reason", Danger: true), "Withdraw the request",
            "Withdraws the request, with a reason; every requested country is told.",
            x => StepInputRules.Required("reason", x.Text, x.Services.Limits), x => new WithdrawRequest(x.Id, x.Text!.Trim(), x.Actor, x.At))
            { Mapper = (g, step) => MapOnRequest<WithdrawBody>(g, step, b => b.Reason) },
    ];

    /// <summary>The steps on one requested country's branch, under <c>/api/requests/{id}/targets/{country}</c>.</summary>
    public static IReadOnlyList<RequestStep<BranchStateMachine>> OnBranch { get; } =
    [
        new("answer-information", m => m.AnswerAdditionalInformation, Roles.Prosecutor, true, typeof(AnswerBody), new("Step.Answer"),
            "Answer the requested country's questions", "Sends the answer to the questions the requested country asked.",
            x => StepInputRules.Required("answer", x.Text, x.Services.Limits), x => new AnswerAdditionalInformation(x.BranchId, x.Text!.Trim(), x.Actor, x.At))
            { Mapper = (g, step) => MapOnBranch<AnswerBody>(g, step, b => b.Answer) },
        new("confirm-evidence", m => m.ConfirmEvidenceReceived, Roles.Prosecutor, true, null, new(), "Confirm the evidence was received",
            "Confirms receipt of the evidence the requested country transferred; the branch completes.",
            _ => [], x => new ConfirmEvidenceReceived(x.BranchId, x.Actor, x.At)) { Mapper = (g, step) => MapOnBranch(g, step) },
        new("withdraw-country", m => m.WithdrawBranch, Roles.Prosecutor, true, typeof(WithdrawBody), new("Step.Reason", Danger: true),
            "Withdraw the request from this country only",
            "Withdraws the request for one requested country, with a reason; that country is told and its clocks stop, the other countries' branches go on, "
            + "and the request completes when they finish.",
            x => StepInputRules.Required("reason", x.Text, x.Services.Limits), x => new WithdrawBranch(x.BranchId, x.Text!.Trim(), x.Actor, x.At))
            { Mapper = (g, step) => MapOnBranch<WithdrawBody>(g, step, b => b.Reason) },
        new("accept-consultation", m => m.AcceptConsultation, Roles.Prosecutor, true, typeof(AcceptConsultationBody), new("Step.Note"),
            "Accept what the requested country proposed in its consultation",
            "Accepts the conditions, or the intended postponement or refusal, that the requested country announced in its open consultation (UNTOC "
            + "Art. 18(26)), with an optional note; its case returns to recognition, where it may accept under the conditions. The consultations are "
            + "listed at GET /api/requests/{id}/targets/{country}/consultations.",
            x => x.Text is { Length: > 0 } ? StepInputRules.Required("note", x.Text, x.Services.Limits) : [],
            x => new AcceptConsultation(x.BranchId, x.Text?.Trim() ?? string.Empty, x.Actor, x.At))
            { Mapper = (g, step) => MapOnBranch<AcceptConsultationBody>(g, step, b => b.Note), AlsoLiaisonOfficers = true },
        new("answer-consultation", m => m.SupplyConsultationInformation, Roles.Prosecutor, true, typeof(AnswerBody), new("Step.Answer"),
            "Answer the requested country's consultation by supplying what is missing",
            "Supplies the information the requested country's open consultation needs (UNTOC Art. 18(26)); its case returns to recognition with it.",
            x => StepInputRules.Required("answer", x.Text, x.Services.Limits), x => new SupplyConsultationInformation(x.BranchId, x.Text!.Trim(), x.Actor, x.At))
            { Mapper = (g, step) => MapOnBranch<AnswerBody>(g, step, b => b.Answer), AlsoLiaisonOfficers = true },
        new("enquire", m => m.SendStatusEnquiry, Roles.Prosecutor, true, typeof(EnquiryBody), new("Step.Question"),
            "Send a status enquiry to the requested country",
            "Asks the requested authority about the status and progress of the request (UNTOC Art. 18(24)), with reasons; it does not change the "
            + "branch's status, may be sent again, and the answer arrives on the timeline and under the branch's enquiries.",
            x => StatusEnquiryRules.AskProblems(x.Text, x.Services.Limits),
            x => new SendStatusEnquiry(x.BranchId, NewId.NextGuid(), x.Text!.Trim(), false, x.Actor, x.At))
            { Mapper = (g, step) => MapOnBranch<EnquiryBody>(g, step, b => b.Question), AlsoLiaisonOfficers = true },
        new("sign-jit", m => m.SignAgreementWithTarget, Roles.Prosecutor, true, null, new(), "Sign the JIT agreement with this country",
            "Signs, for this country, the joint investigation team agreement the requested country accepted (UNTOC Art. 19); the signature goes to that "
            + "country, and the agreement is in force when both have signed. Its period clock then runs to the agreement's end date.",
            _ => [], x => new SignAgreementWithTarget(x.BranchId, x.Actor, x.At)) { Mapper = (g, step) => MapOnBranch(g, step), AlsoLiaisonOfficers = true },
        new("decline-jit", m => m.DeclineAgreementWithTarget, Roles.Prosecutor, true, typeof(ReasonsBody), new("Step.Reasons", Danger: true),
            "Decline the JIT agreement with this country",
            "Declines, with reasons, to sign the agreement with this country before it is in force; that country is told, the agreements with the other "
            + "countries go on.",
            x => StepInputRules.Required("reasons", x.Text, x.Services.Limits), x => new DeclineAgreementWithTarget(x.BranchId, x.Text!.Trim(), x.Actor, x.At))
            { Mapper = (g, step) => MapOnBranch<ReasonsBody>(g, step, b => b.Reasons), AlsoLiaisonOfficers = true },
        new("close-jit", m => m.CloseAgreementWithTarget, Roles.Prosecutor, true, typeof(EvaluationBody), new("Step.Evaluation"),
            "Close the JIT agreement with this country",
            "The team leader closes the agreement in force with an evaluation note, which the other country sees; the period clock stops.",
            x => StepInputRules.Required("evaluation", x.Text, x.Services.Limits), x => new CloseAgreementWithTarget(x.BranchId, x.Text!.Trim(), x.Actor, x.At))
            { Mapper = (g, step) => MapOnBranch<EvaluationBody>(g, step, b => b.Evaluation) },
        new("propose-jit-extension", m => m.ProposeExtensionWithTarget, Roles.Prosecutor, true, typeof(JitExtensionBody), new("Step.Reasons", StepFields.Until),
            "Propose to this country to extend the JIT agreement",
            "Proposes, with reasons, a later end date (endsOn, ISO date) for the agreement in force with this country: later than its current end date "
            + "and than today. That country signs or declines it; the agreement stays in force meanwhile. If both countries propose at once, both "
            + "proposals lapse.",
            JitExtensionChecks.Problems,
            x => new ProposeExtensionWithTarget(x.BranchId, x.Date!.Value, x.Text!.Trim(), x.Actor, x.At))
            { Mapper = (g, step) => MapOnBranch<JitExtensionBody>(g, step, b => b.Reasons, b => b.EndsOn), AlsoLiaisonOfficers = true },
        new("sign-jit-extension", m => m.SignExtensionWithTarget, Roles.Prosecutor, true, null, new(), "Sign the extension this country proposed",
            "Signs, for this country, the later end date the requested country proposed: it is in force on both nodes and the period clock runs to the "
            + "new end date.",
            _ => [], x => new SignExtensionWithTarget(x.BranchId, x.Actor, x.At)) { Mapper = (g, step) => MapOnBranch(g, step), AlsoLiaisonOfficers = true },
        new("decline-jit-extension", m => m.DeclineExtensionWithTarget, Roles.Prosecutor, true, typeof(ReasonsBody), new("Step.Reasons", Danger: true),
            "Decline the extension this country proposed",
            "Declines, with reasons, the later end date the requested country proposed; the agreement stays as it was.",
            x => StepInputRules.Required("reasons", x.Text, x.Services.Limits), x => new DeclineExtensionWithTarget(x.BranchId, x.Text!.Trim(), x.Actor, x.At))
            { Mapper = (g, step) => MapOnBranch<ReasonsBody>(g, step, b => b.Reasons), AlsoLiaisonOfficers = true },
        new("propose-jit-amendment", m => m.ProposeAmendmentWithTarget, Roles.Prosecutor, true, typeof(JitAmendmentBody), new("Step.Reasons", StepFields.JitAgreement),
            "Propose to this country to amend the JIT agreement",
            "Proposes, with reasons, the whole amended agreement in force with this country (jit: members with country, name, function, authority "
            + "and leader, purpose, arrangements), checked as at submission. The period is not amended here: leave startsOn and endsOn out (a later "
            + "end date is proposed by propose-jit-extension). That country signs or declines it; the agreement stays in force meanwhile. If both "
            + "countries propose at once (two amendments, or an amendment and an extension), both proposals lapse.",
            JitAmendmentChecks.Problems, JitAmendmentChecks.Propose)
            { Mapper = (g, step) => MapAmendment(g, step), AlsoLiaisonOfficers = true, Prepare = JitAmendmentChecks.ReadAsync },
        new("sign-jit-amendment", m => m.SignAmendmentWithTarget, Roles.Prosecutor, true, null, new(), "Sign the amendment this country proposed",
            "Signs, for this country, the amended agreement the requested country proposed: it is the agreement in force on both nodes (the next version).",
            _ => [], x => new SignAmendmentWithTarget(x.BranchId, JitAmendmentChecks.Open(x), x.Actor, x.At))
            { Mapper = (g, step) => MapOnBranch(g, step), AlsoLiaisonOfficers = true, Prepare = JitAmendmentChecks.ReadAsync },
        new("decline-jit-amendment", m => m.DeclineAmendmentWithTarget, Roles.Prosecutor, true, typeof(ReasonsBody), new("Step.Reasons", Danger: true),
            "Decline the amendment this country proposed",
            "Declines, with reasons, the amended agreement the requested country proposed; the agreement in force stays as it was.",
            x => StepInputRules.Required("reasons", x.Text, x.Services.Limits),
            x => new DeclineAmendmentWithTarget(x.BranchId, JitAmendmentChecks.Open(x), x.Text!.Trim(), x.Actor, x.At))
            { Mapper = (g, step) => MapOnBranch<ReasonsBody>(g, step, b => b.Reasons), AlsoLiaisonOfficers = true, Prepare = JitAmendmentChecks.ReadAsync },
    ];

    /// <summary>A proposed amendment of a JIT agreement.</summary>
    /// <param name="Jit">The whole amended agreement (the request content's jit shape); the period is left out or unchanged.</param>
    /// <param name="Reasons">Why the agreement is amended.</param>
    public sealed record JitAmendmentBody(Domain.Requests.JitProposal? Jit, string? Reasons);

    /// <summary>A proposed extension of a JIT agreement.</summary>
    /// <param name="EndsOn">The new last day of the agreement (ISO date), later than its current end date.</param>
    /// <param name="Reasons">Why the team needs longer.</param>
    public sealed record JitExtensionBody(NodaTime.LocalDate? EndsOn, string? Reasons);

    /// <summary>Reasons for declining a JIT agreement.</summary>
    /// <param name="Reasons">Why.</param>
    public sealed record ReasonsBody(string? Reasons);

    /// <summary>The evaluation note that closes a JIT agreement.</summary>
    /// <param name="Evaluation">The evaluation of the team's work.</param>
    public sealed record EvaluationBody(string? Evaluation);

    /// <summary>Maps the step endpoints under <c>/api/requests/{id}</c>, one POST per table entry.</summary>
    public static void Map(RouteGroupBuilder requests, OutgoingRequestStateMachine requestMachine, BranchStateMachine branchMachine)
    {
        ArgumentNullException.ThrowIfNull(requestMachine);
        ArgumentNullException.ThrowIfNull(branchMachine);
        foreach (var step in OnRequest)
            Describe(step.Mapper(requests, step), step, step.EventName(requestMachine), WorkflowSteps.AllowedFrom(requestMachine, step.Event(requestMachine)));
        foreach (var step in OnBranch)
            Describe(step.Mapper(requests, step), step, step.EventName(branchMachine), WorkflowSteps.AllowedFrom(branchMachine, step.Event(branchMachine)));
    }

    /// <summary>The web UI form of the request step <paramref name="route"/>, or null when there is no such step.</summary>
    public static StepFormLayout? RequestForm(string route) => OnRequest.SingleOrDefault(s => s.Route == route)?.Form;

    /// <summary>The web UI form of the branch step <paramref name="route"/>, or null when there is no such step.</summary>
    public static StepFormLayout? BranchForm(string route) => OnBranch.SingleOrDefault(s => s.Route == route)?.Form;

    /// <summary>
    /// Takes the request step <paramref name="route"/> (submit, approve, return, reject, withdraw) with its one text field
    /// (comments, reasons, reason), exactly as its endpoint does; the web UI's forms call this too.
    /// </summary>
    public static Task<IResult> TakeOnRequestAsync(string route, Guid id, string? text, StepServices s, CancellationToken ct) =>
        OnRequestAsync(OnRequest.SingleOrDefault(x => x.Route == route) ?? throw new ArgumentOutOfRangeException(nameof(route), route, "Not a request step."),
            id, text, s, ct);

    /// <summary>Takes the branch step <paramref name="route"/> (answer-information with its answer, confirm-evidence, withdraw-country with its reason, enquire with its question) as its endpoint does.</summary>
    public static Task<IResult> TakeOnBranchAsync(string route, Guid id, string country, string? text, StepServices s, CancellationToken ct,
        NodaTime.LocalDate? date = null, Domain.Requests.JitProposal? jit = null) =>
        OnBranchAsync(OnBranch.SingleOrDefault(x => x.Route == route) ?? throw new ArgumentOutOfRangeException(nameof(route), route, "Not a branch step."),
            id, country, text, s, ct, date, jit);

    /// <summary>The request steps <paramref name="user"/> may take in <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> AllowedOnRequest(OutgoingRequestStateMachine machine, string status, ClaimsPrincipal user, string office) =>
        Allowed(OnRequest, machine, WorkflowSteps.Allowed(machine, status), user, office);

    /// <summary>The branch steps <paramref name="user"/> may take in <paramref name="status"/> (none while the branch is not open yet).</summary>
    public static IReadOnlyList<string> AllowedOnBranch(BranchStateMachine machine, string status, ClaimsPrincipal user, string office) =>
        BranchStatus.IsPending(status) ? [] : Allowed(OnBranch, machine, WorkflowSteps.Allowed(machine, status), user, office);

    static IReadOnlyList<string> Allowed<TMachine>(IEnumerable<RequestStep<TMachine>> steps, TMachine machine, IReadOnlyList<string> events,
        ClaimsPrincipal user, string office) =>
        steps.Where(s => events.Contains(s.EventName(machine)) && MayAct(s, user, office)).Select(s => s.Route).ToList();

    static bool MayAct<TMachine>(RequestStep<TMachine> step, ClaimsPrincipal user, string office) =>
        (user.IsInRole(step.Role) && (!step.OwnOffice || user.Office() == office)) || (step.AlsoLiaisonOfficers && user.IsInRole(Roles.LiaisonOfficer));

    static void Describe<TMachine>(RouteHandlerBuilder endpoint, RequestStep<TMachine> step, string operationId, IReadOnlyList<string> allowedFrom)
    {
        var subject = typeof(TMachine) == typeof(BranchStateMachine) ? "branch" : "request";
        endpoint.DescribeStep(operationId, step.Summary, $"{step.Description} {Who(step)}; allowed while the {subject} is {string.Join(", ", allowedFrom)}.", step.Body);
    }

    static string Who<TMachine>(RequestStep<TMachine> step) =>
        (step.Role == Roles.Prosecutor ? "Prosecutors" : "Liaison officers") + (step.OwnOffice ? " of the request's office" : string.Empty)
        + (step.AlsoLiaisonOfficers ? " and liaison officers" : string.Empty);

    static RouteHandlerBuilder MapOnRequest(RouteGroupBuilder group, RequestStep<OutgoingRequestStateMachine> step) =>
        group.MapPost($"/{{id:guid}}/{step.Route}", (Guid id, StepServices s, CancellationToken ct) => OnRequestAsync(step, id, null, s, ct));

    static RouteHandlerBuilder MapOnRequest<TBody>(RouteGroupBuilder group, RequestStep<OutgoingRequestStateMachine> step, Func<TBody, string?> text)
        where TBody : class =>
        group.MapPost($"/{{id:guid}}/{step.Route}", (Guid id, TBody body, StepServices s, CancellationToken ct) => OnRequestAsync(step, id, text(body), s, ct));

    static RouteHandlerBuilder MapOnBranch(RouteGroupBuilder group, RequestStep<BranchStateMachine> step) =>
        group.MapPost($"/{{id:guid}}/targets/{{country}}/{step.Route}", (Guid id, string country, StepServices s, CancellationToken ct) =>
            OnBranchAsync(step, id, country, null, s, ct));

    static RouteHandlerBuilder MapOnBranch<TBody>(RouteGroupBuilder group, RequestStep<BranchStateMachine> step, Func<TBody, string?> text)
        where TBody : class =>
        group.MapPost($"/{{id:guid}}/targets/{{country}}/{step.Route}", (Guid id, string country, TBody body, StepServices s, CancellationToken ct) =>
            OnBranchAsync(step, id, country, text(body), s, ct));

    static RouteHandlerBuilder MapOnBranch<TBody>(RouteGroupBuilder group, RequestStep<BranchStateMachine> step, Func<TBody, string?> text,
        Func<TBody, NodaTime.LocalDate?> date)
        where TBody : class =>
        group.MapPost($"/{{id:guid}}/targets/{{country}}/{step.Route}", (Guid id, string country, TBody body, StepServices s, CancellationToken ct) =>
            OnBranchAsync(step, id, country, text(body), s, ct, date(body)));

    static RouteHandlerBuilder MapAmendment(RouteGroupBuilder group, RequestStep<BranchStateMachine> step) =>
        group.MapPost($"/{{id:guid}}/targets/{{country}}/{step.Route}", (Guid id, string country, JitAmendmentBody body, StepServices s, CancellationToken ct) =>
            OnBranchAsync(step, id, country, body.Reasons, s, ct, jit: body.Jit));

    static async Task<IResult> OnRequestAsync(RequestStep<OutgoingRequestStateMachine> step, Guid id, string? text, StepServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (await RequestQueries.FindAsync(s.Db, id, s.User, ct) is not var (request, status))
            return TypedResults.NotFound();
        if (!MayAct(step, s.User, request.OfficeCode))
            return TypedResults.Forbid();
        if (!WorkflowSteps.Allowed(s.RequestMachine, status).Contains(step.EventName(s.RequestMachine)))
            return TypedResults.Problem(StepProblems.NotAllowed(step.Route, status, AllowedOnRequest(s.RequestMachine, status, s.User, request.OfficeCode)));
        var context = new RequestStepContext(id, id, request, text, s.User.UserName(), s.Now, s, ct);
        var errors = step.Validate(context);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: $"The step '{step.Route}' needs {errors.Count} more field(s).");
        return await CommitAsync(step.Route, context, status, step.AlsoWrite, step.Message(context), ct, step.Warnings?.Invoke(context));
    }

    static async Task<IResult> OnBranchAsync(RequestStep<BranchStateMachine> step, Guid id, string country, string? text, StepServices s, CancellationToken ct,
        NodaTime.LocalDate? date = null, Domain.Requests.JitProposal? jit = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (await RequestQueries.FindAsync(s.Db, id, s.User, ct) is not var (request, _))
            return TypedResults.NotFound();
        var branchId = DeterministicGuid.Branch(id, country);
        var status = await s.Db.BranchWorkflows.AsNoTracking().Where(b => b.CorrelationId == branchId).Select(b => b.CurrentState).SingleOrDefaultAsync(ct);
        if (status is null)
            return TypedResults.NotFound();
        if (!MayAct(step, s.User, request.OfficeCode))
            return TypedResults.Forbid();
        if (!WorkflowSteps.Allowed(s.BranchMachine, status).Contains(step.EventName(s.BranchMachine)))
            return TypedResults.Problem(StepProblems.NotAllowed(step.Route, status, AllowedOnBranch(s.BranchMachine, status, s.User, request.OfficeCode)));
        var context = new RequestStepContext(id, branchId, request, text, s.User.UserName(), s.Now, s, ct) { Date = date, Jit = jit };
        if (step.Prepare is { } prepare)
            context = await prepare(context);
        var errors = step.Validate(context);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return await CommitAsync(step.Route, context, status, step.AlsoWrite, step.Message(context), ct);
    }

    static async Task<IResult> CommitAsync(string route, RequestStepContext context, string status, Func<Persistence.NodeDbContext, RequestStepContext, Task>? alsoWrite,
        object message, CancellationToken ct, IReadOnlyList<ContentWarning>? warnings = null)
    {
        var s = context.Services;
        var result = new StepResult(context.Id, route, status, warnings);
        var location = $"/api/requests/{context.Id}";
        await s.Commands.CommitAsync(async db =>
        {
            if (alsoWrite is not null)
                await alsoWrite(db, context);
            s.Commands.Publish(message);
        }, StatusCodes.Status202Accepted, result, location, ct);
        return TypedResults.Accepted(location, result);
    }
}
