using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Domain;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Domain.Measures;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Hosting;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Content;
using MlaRequests.Workflows.Data;
using MlaRequests.Workflows.IncomingCases;
using NodaTime;

namespace MlaRequests.Node.Features.Incoming;

/// <summary>
/// The liaison officer's steps on a received request, each its own POST under <c>/api/incoming/{id}</c>,
/// all from one table (<see cref="Table"/>). Checked like the request steps: 404, 403 (liaison officers only),
/// 409 (status), 400 (input); the rules behind the 400s live in Domain (<see cref="RefusalRules"/>,
/// <see cref="PostponementRules"/>, <see cref="RecognitionExtensionRules"/>).
/// </summary>
public static class IncomingSteps
{
    /// <summary>
    /// The incoming-case workflow's steps, each once: the routes, the web UI's forms, the <c>allowedSteps</c> answers
    /// and the API document are all read from here. Adding a step is one entry here plus its transition in
    /// <see cref="IncomingCaseStateMachine"/>.
    /// </summary>
    public static IReadOnlyList<IncomingStep> Table { get; } =
    [
        IncomingStep.With<RegisterBody>("register", m => m.RegisterIncoming, "Register a received request",
            "The legal acknowledgement, under this office's own file number (`fileNumber`, one line of at most 64 characters; required on the web "
            + "form, and an empty or malformed one is a 400; a call without the property, as release 3 made it, registers without one): the requesting "
            + "country is told, with the file number, the acknowledgement clock stops and recognition starts.", new("Step.FileNumber"),
            b => new() { FileNumber = b.FileNumber }, x => Problems(FileNumberRules.RegistrationProblems(x.Input.FileNumber)),
            async (x, db) =>
            {
                var number = FileNumberRules.Normalize(x.Input.FileNumber);
                await SetAsync(db, x.Id, c => c.FileNumber = number, x.Cancellation);
                return new RegisterIncoming(x.Id, x.Actor, x.At, number);
            }),
        IncomingStep.With<AssignBody>("assign", m => m.AssignIncoming, "Assign the case to an officer",
            "Assigns (or reassigns) the case to an executing prosecutor or liaison officer of this node.", new(Fields: StepFields.Assignee),
            b => new() { Assignee = b.Assignee }, x => Assignees.ProblemsAsync(x.Services, x.Input.Assignee, x.Cancellation),
            async (x, db) =>
            {
                var assignee = x.Input.Assignee!.Trim();
                await SetAsync(db, x.Id, c => c.AssignedTo = assignee, x.Cancellation);
                return new AssignIncoming(x.Id, assignee, x.Actor, x.At);
            }),
        IncomingStep.With<ExtendBody>("extend-recognition", m => m.ExtendRecognition, "Extend the recognition period",
            "Extends the recognition period once, by whole days up to the legal instrument's maximum, with reasons.",
            new("Step.Reasons", StepFields.ExtensionDays), b => new() { Extension = b.Extension, Reasons = b.Reasons }, ValidateExtensionAsync,
            async (x, db) =>
            {
                await SetAsync(db, x.Id, c => c.RecognitionExtendedAt = x.At, x.Cancellation);
                return new ExtendRecognition(x.Id, RecognitionExtensionRules.Parse(x.Input.Extension)!, x.Input.Reasons!.Trim(), x.Actor, x.At);
            }).Unless(NoDecisionExtension),
        IncomingStep.With<QuestionsBody>("request-information", m => m.RequestMoreInformation, "Ask the requesting country for more information",
            "Sends questions to the requesting country; the case waits for the answer.", new("Step.Questions"),
            b => new() { Questions = b.Questions }, x => Problems(StepInputRules.Required("questions", x.Input.Questions, x.Services.Limits)),
            (x, _) => Message(new RequestMoreInformation(x.Id, x.Input.Questions!.Trim(), x.Actor, x.At))),
        IncomingStep.Without("accept", m => m.AcceptIncoming, "Accept the request",
            "Accepts the request for execution; a mirror investigation opens its linked domestic case.", new(),
            async (x, db) => new AcceptIncoming(x.Id,
                x.Case.Content.Kind is RequestKind.MirrorInvestigation ? await OpenDomesticCaseAsync(db, x, x.Cancellation) : null, x.Actor, x.At)),
        IncomingStep.With<RefuseBody>("refuse", m => m.ProposeRefusal, "Propose to refuse the request",
            "Proposes a refusal on coded grounds with reasons (fiscal matters alone are never a ground); it leaves the node only when a supervisor "
            + "who did not propose it signs it off.", new("Step.Reasons", StepFields.Grounds, Danger: true),
            b => new() { Grounds = b.Grounds, Reasons = b.Reasons },
            x => Problems(RefusalRules.Problems(x.Input.Grounds, x.Input.Reasons, ContentData.RefusalGrounds.Select(g => g.Code).ToList(), x.Services.Limits)),
            async (x, db) =>
            {
                var reasons = x.Input.Reasons!.Trim();
                await SetAsync(db, x.Id, c => (c.ProposedRefusalGrounds, c.ProposedRefusalReasons) = (string.Join(',', x.Input.Grounds!), reasons), x.Cancellation);
                return new ProposeRefusal(x.Id, x.Input.Grounds!, reasons, x.Actor, x.At);
            }),
        IncomingStep.Without("sign-off-refusal", m => m.SignOffRefusal, "Sign off the proposed refusal",
            "Signs off the refusal another officer proposed: it is sent to the requesting country with its grounds and reasons.", new(Danger: true),
            (x, _) => Message(new SignOffRefusal(x.Id, (x.Case.ProposedRefusalGrounds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
                x.Case.ProposedRefusalReasons ?? string.Empty, x.Actor, x.At)))
            .By(Roles.Supervisor, (actor, workflow) => RefusalSignOffRules.Problem(workflow?.RefusalProposedBy, actor)),
        IncomingStep.With<ReturnRefusalBody>("return-refusal", m => m.ReturnRefusal, "Send the proposed refusal back",
            "Sends the proposed refusal back with reasons; the case returns to the status it was proposed from.", new("Step.Reasons"),
            b => new() { Reasons = b.Reasons }, x => Problems(StepInputRules.Required("reasons", x.Input.Reasons, x.Services.Limits)),
            async (x, db) =>
            {
                await SetAsync(db, x.Id, c => (c.ProposedRefusalGrounds, c.ProposedRefusalReasons) = (null, null), x.Cancellation);
                return new ReturnRefusal(x.Id, x.Input.Reasons!.Trim(), x.Actor, x.At);
            })
            .By(Roles.Supervisor),
        IncomingStep.With<ConsultBody>("consult", m => m.OpenConsultation, "Consult the requesting country before refusing or postponing",
            "Opens a consultation (UNTOC Art. 18(26)): proposes conditions under which the request would be executed, or announces an intended refusal "
            + "(refusal grounds of GET /api/refusal-grounds) or postponement (grounds ONGOING_INVESTIGATION, ONGOING_PROSECUTION, ONGOING_PROCEEDINGS, "
            + "Art. 18(25)), always with reasons. The case waits for the requesting country's answer (accept, supply information, or withdraw); a refusal "
            + "may still be proposed meanwhile. The case's consultations are listed at GET /api/incoming/{id}/consultations.",
            new("Step.Reasons", StepFields.Purpose | StepFields.Grounds | StepFields.Conditions),
            b => new() { Purpose = b.Purpose, Grounds = b.Grounds, Conditions = b.Conditions, Reasons = b.Reasons },
            x => Problems(ConsultationRules.OpenProblems(x.Input.Purpose, x.Input.Grounds, Pairs(x.Input.Conditions), x.Input.Reasons,
                ContentData.RefusalGrounds.Select(g => g.Code).ToList(), x.Services.Limits)),
            (x, _) => Message(new OpenConsultation(x.Id, MassTransit.NewId.NextGuid(), x.Input.Purpose!, x.Input.Grounds ?? [], Agreed(x.Input.Conditions),
                x.Input.Reasons!.Trim(), x.Actor, x.At))),
        IncomingStep.With<ConditionsBody>("accept-under-conditions", m => m.AcceptIncomingUnderConditions, "Accept the request under conditions",
            "Accepts the request for execution under conditions (UNTOC Art. 18(26)): each a coded kind (UseLimitedToProceedings, Confidentiality, "
            + "CostsBorneByRequestingParty, Other) with its wording. The conditions are kept with the case on both nodes and shown to the requesting "
            + "prosecutor; the case then runs as an accepted one.", new(null, StepFields.Conditions),
            b => new() { Conditions = b.Conditions }, x => Problems(ConsultationRules.ConditionProblems(Pairs(x.Input.Conditions), x.Services.Limits)),
            async (x, db) => new AcceptIncomingUnderConditions(x.Id, Agreed(x.Input.Conditions),
                x.Case.Content.Kind is RequestKind.MirrorInvestigation ? await OpenDomesticCaseAsync(db, x, x.Cancellation) : null, x.Actor, x.At)),
        IncomingStep.With<PostponeBody>("postpone", m => m.PostponeIncoming, "Postpone execution",
            "Postpones the case, during recognition or execution (the measures keep their results), until a future date (in this node's "
            + "time zone), with a reason and coded grounds (UNTOC Art. 18(25): ONGOING_INVESTIGATION, "
            + "ONGOING_PROSECUTION, ONGOING_PROCEEDINGS); a clock runs on the end date. Taken again while postponed, it extends the postponement to "
            + "the new date.", new("Step.Reason", StepFields.Until | StepFields.PostponementGrounds),
            b => new() { Reason = b.Reason, Until = b.Until, Grounds = b.Grounds },
            x => Problems(Merge(PostponementRules.Problems(x.Input.Reason, x.Input.Until, NodeTime.Today(x.NodeCode, x.At), x.Services.Limits),
                PostponementRules.GroundProblems(x.Input.Grounds, ContentData.PostponementGrounds.Select(g => g.Code).ToList()))),
            (x, _) => Message(new PostponeIncoming(x.Id, x.Input.Reason!.Trim(), x.Input.Until!.Value, x.Actor, x.At,
                x.Input.Grounds is { Count: > 0 } grounds ? grounds.Distinct().ToList() : null))),
        IncomingStep.With<ReturnRefusalBody>("resume", m => m.ResumeIncoming, "Resume a postponed request",
            "Ends a postponement (UNTOC Art. 18(25)) with reasons: the case returns to where it was postponed from (recognition, or the "
            + "execution status it left), that stage's clock runs afresh, and the requesting country is told.", new("Step.Reasons"),
            b => new() { Reasons = b.Reasons }, x => Problems(StepInputRules.Required("reasons", x.Input.Reasons, x.Services.Limits)),
            (x, _) => Message(new ResumeIncoming(x.Id, x.Input.Reasons!.Trim(), x.Actor, x.At))),
        IncomingStep.With<ExecutionBody>("record-execution", m => m.RecordExecution, "Record execution",
            "Records what was executed so far; complete when every measure is executed.", new("Step.Summary", StepFields.Complete),
            b => new() { Complete = b.Complete, Summary = b.Summary }, ValidateExecutionAsync,
            (x, _) => Message(new RecordExecution(x.Id, x.Input.Complete, x.Input.Summary!.Trim(), x.Actor, x.At))),
        IncomingStep.With<TransferBody>("transfer-evidence", m => m.TransferEvidence, "Transfer the evidence",
            "Records that the evidence was sent to the requesting country, and how.", new("Step.Description"),
            b => new() { Description = b.Description }, x => Problems(StepInputRules.Required("description", x.Input.Description, x.Services.Limits)),
            (x, _) => Message(new TransferEvidence(x.Id, x.Input.Description!.Trim(), x.Actor, x.At))),
        IncomingStep.Without("open-mirror-case", m => m.OpenMirrorCase, "Open a mirror case",
            "Turns registered spontaneous information into a linked domestic (mirror) case.", new(),
            async (x, db) => new OpenMirrorCase(x.Id, await OpenDomesticCaseAsync(db, x, x.Cancellation), x.Actor, x.At)),
        IncomingStep.Without("close", m => m.CloseIncoming, "Note and close spontaneous information",
            "Notes registered spontaneous information and closes it.", new(),
            (x, _) => Message(new CloseIncoming(x.Id, x.Actor, x.At))),
        .. MeasureSteps.Table,
        IncomingStep.With<AnswerEnquiryBody>("answer-enquiry", m => m.AnswerStatusEnquiry, "Answer a status enquiry",
            "Answers, once, a status enquiry the requesting country sent about this case (UNTOC Art. 18(24)); the answer goes back to it. "
            + "The case's enquiries are listed at GET /api/incoming/{id}/enquiries.", new("Step.Answer"),
            b => new() { EnquiryId = b.EnquiryId, Answer = b.Answer }, ValidateEnquiryAnswerAsync,
            (x, _) => Message(new AnswerStatusEnquiry(x.Id, x.Input.EnquiryId!.Value, x.Input.Answer!.Trim(), x.Actor, x.At))),
        .. JitAgreementSteps.Table,
        .. JitAmendmentSteps.Table,
    ];

    /// <summary>A registration.</summary>
    /// <param name="FileNumber">This office's own file number for the request (one line, at most 64 characters; left out only by clients of release 3).</param>
    public sealed record RegisterBody(string? FileNumber);

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

    /// <summary>Why a proposed refusal goes back.</summary>
    /// <param name="Reasons">Why (mandatory).</param>
    public sealed record ReturnRefusalBody(string? Reasons);

    /// <summary>A postponement.</summary>
    /// <param name="Reason">Why.</param>
    /// <param name="Until">Until when (a future date).</param>
    /// <param name="Grounds">Coded grounds: ONGOING_INVESTIGATION, ONGOING_PROSECUTION or ONGOING_PROCEEDINGS (optional, for clients of the previous release).</param>
    public sealed record PostponeBody(string? Reason, LocalDate? Until, IReadOnlyList<string>? Grounds = null);

    /// <summary>Execution done so far.</summary>
    /// <param name="Complete">True when every measure is executed.</param>
    /// <param name="Summary">What was done.</param>
    public sealed record ExecutionBody(bool Complete, string? Summary);

    /// <summary>The evidence sent.</summary>
    /// <param name="Description">What was sent and how.</param>
    public sealed record TransferBody(string? Description);

    /// <summary>The answer to a status enquiry.</summary>
    /// <param name="EnquiryId">The enquiry (see <c>GET /api/incoming/{id}/enquiries</c>).</param>
    /// <param name="Answer">The status and progress of the case.</param>
    public sealed record AnswerEnquiryBody(Guid? EnquiryId, string? Answer);

    /// <summary>A consultation before refusal or postponement (UNTOC Art. 18(26)).</summary>
    /// <param name="Purpose">Conditions, IntendedRefusal or IntendedPostponement.</param>
    /// <param name="Grounds">Refusal ground codes (IntendedRefusal) or postponement ground codes (IntendedPostponement).</param>
    /// <param name="Conditions">The proposed conditions (Conditions).</param>
    /// <param name="Reasons">Mandatory reasons.</param>
    public sealed record ConsultBody(string? Purpose, IReadOnlyList<string>? Grounds, IReadOnlyList<ConditionBody?>? Conditions, string? Reasons);

    /// <summary>The conditions of an acceptance under conditions.</summary>
    /// <param name="Conditions">At least one condition.</param>
    public sealed record ConditionsBody(IReadOnlyList<ConditionBody?>? Conditions);

    /// <summary>One condition.</summary>
    /// <param name="Kind">UseLimitedToProceedings, Confidentiality, CostsBorneByRequestingParty or Other.</param>
    /// <param name="Text">Its wording.</param>
    public sealed record ConditionBody(string? Kind, string? Text);

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

        /// <summary>transfer-evidence, prepare-evidence: what was sent and how, or what is ready.</summary>
        public string? Description { get; init; }

        /// <summary>record-measure, propose-measure-refusal, sign-off-measure-refusal: the measure's 1-based position.</summary>
        public int? Measure { get; init; }

        /// <summary>record-measure: the measure's new status.</summary>
        public string? MeasureStatus { get; init; }

        /// <summary>register: this office's own file number.</summary>
        public string? FileNumber { get; init; }

        /// <summary>answer-enquiry: the enquiry answered.</summary>
        public Guid? EnquiryId { get; init; }

        /// <summary>decide-provisional-measure: Ordered or Refused.</summary>
        public string? Outcome { get; init; }

        /// <summary>decide-provisional-measure: when the authority ordered or refused the measure.</summary>
        public Instant? DecidedAt { get; init; }

        /// <summary>decide-provisional-measure: which authority.</summary>
        public string? Authority { get; init; }

        /// <summary>answer-enquiry: the answer.</summary>
        public string? Answer { get; init; }

        /// <summary>consult: Conditions, IntendedRefusal or IntendedPostponement.</summary>
        public string? Purpose { get; init; }

        /// <summary>consult, accept-under-conditions: the conditions.</summary>
        public IReadOnlyList<ConditionBody?>? Conditions { get; init; }

        /// <summary>propose-amendment: the amended JIT agreement.</summary>
        public Domain.Requests.JitProposal? Jit { get; init; }
    }

    /// <summary>Maps the steps under <c>/api/incoming</c>, one POST per <see cref="Table"/> entry.</summary>
    public static void Map(RouteGroupBuilder incoming, IncomingCaseStateMachine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        foreach (var step in Table)
        {
            var from = string.Join(", ", step.AllowedFrom(machine));
            step.Map(incoming).DescribeStep(step.EventName(machine), step.Summary,
                $"{step.Description} {step.TakersText}; allowed while the case is {from}.", step.Body);
        }
    }

    /// <summary>The table entry for <paramref name="route"/>, or null when no incoming step has that name.</summary>
    public static IncomingStep? Find(string route) => Table.SingleOrDefault(s => s.Route == route);

    /// <summary>Takes the incoming step <paramref name="route"/> with the fields of <paramref name="input"/> it reads, exactly as its endpoint does.</summary>
    public static Task<IResult> TakeAsync(string route, Guid id, StepInput input, StepServices s, IOptions<NodeOptions> node, CancellationToken ct) =>
        TakeAsync(Find(route) ?? throw new ArgumentOutOfRangeException(nameof(route), route, "Not an incoming step."), id, input, s, node, ct);

    /// <summary>The steps <paramref name="user"/> may take in <paramref name="status"/> (on <paramref name="workflow"/>, when given: a step its rules forbid the user is left out).</summary>
    public static IReadOnlyList<string> Allowed(IncomingCaseStateMachine machine, string status, ClaimsPrincipal user, IncomingCaseState? workflow = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var events = WorkflowSteps.Allowed(machine, status);
        return Table.Where(s => s.MayTake(user) && events.Contains(s.EventName(machine)) && s.Forbidden(user.UserName(), workflow) is null
                && s.Unavailable(workflow) is null)
            .Select(s => s.Route).ToList();
    }

    /// <summary>
    /// Takes <paramref name="step"/>: the caller may see incoming cases (403), the case exists (404), the caller has the
    /// step's role (403), the workflow accepts it now (409, nothing changed), its input is complete (400); then the
    /// workflow message and the idempotency record commit together and the answer is 202.
    /// </summary>
    internal static async Task<IResult> TakeAsync(IncomingStep step, Guid id, StepInput input, StepServices s, IOptions<NodeOptions> node, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(node);
        if (!IncomingQueries.MaySee(s.User))
            return TypedResults.Forbid();
        var found = await s.Db.IncomingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null || !IncomingQueries.MaySee(s.User, found))
            return TypedResults.NotFound();
        if (!step.MayTake(s.User))
            return TypedResults.Forbid();
        var workflow = await s.Db.IncomingCaseWorkflows.AsNoTracking().SingleOrDefaultAsync(w => w.CorrelationId == id, ct);
        var status = workflow?.CurrentState ?? nameof(IncomingCaseStateMachine.Received);
        if (!WorkflowSteps.Allowed(s.IncomingMachine, status).Contains(step.EventName(s.IncomingMachine)))
            return TypedResults.Problem(StepProblems.NotAllowed(step.Route, status, Allowed(s.IncomingMachine, status, s.User)));
        if (step.Unavailable(workflow) is { } unavailable)
            return TypedResults.Problem(unavailable, statusCode: StatusCodes.Status409Conflict, title: ProblemTexts.NotAllowedTitle.English);
        var context = new IncomingStepContext(id, found, input, s, node.Value.Code, ct);
        if (step.Forbidden(context.Actor, workflow) is { } forbidden)
            return TypedResults.Problem(forbidden, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        var errors = await step.Validate(context);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var result = new StepResult(id, step.Route, status);
        var location = $"/api/incoming/{id}";
        await s.Commands.CommitAsync(async db => s.Commands.Publish(await step.Message(context, db)), StatusCodes.Status202Accepted, result, location, ct);
        return TypedResults.Accepted(location, result);
    }

    internal static Task<object> Message(object message) => Task.FromResult(message);

    static Dictionary<string, string[]> Merge(Dictionary<string, string[]> first, Dictionary<string, string[]> second)
    {
        foreach (var (field, problems) in second)
            first[field] = problems;
        return first;
    }

    internal static Task<Dictionary<string, string[]>> Problems(Dictionary<string, string[]> problems) => Task.FromResult(problems);

    static List<(string? Kind, string? Text)>? Pairs(IReadOnlyList<ConditionBody?>? conditions) => conditions?.Select(c => (c?.Kind, c?.Text)).ToList();

    static List<MlaRequests.Contracts.Parts.AgreedCondition> Agreed(IReadOnlyList<ConditionBody?>? conditions) =>
        (conditions ?? []).Select(c => new MlaRequests.Contracts.Parts.AgreedCondition(c!.Kind!, c.Text!.Trim())).ToList();

    static async Task<string> OpenDomesticCaseAsync(NodeDbContext db, IncomingStepContext x, CancellationToken ct)
    {
        var reference = await References.NextAsync(db, $"{x.NodeCode}-MC", x.NodeCode, x.At, ct);
        await SetAsync(db, x.Id, c => c.DomesticCaseReference = reference, ct);
        return reference;
    }

    static async Task SetAsync(NodeDbContext db, Guid id, Action<IncomingCase> change, CancellationToken ct) =>
        change(await db.IncomingCases.SingleAsync(c => c.Id == id, ct));

    static async Task<Dictionary<string, string[]>> ValidateExecutionAsync(IncomingStepContext x)
    {
        var errors = StepInputRules.Required("summary", x.Input.Summary, x.Services.Limits);
        if (x.Input.Complete)
        {
            var results = await x.Services.Db.MeasureResults.AsNoTracking().Where(r => r.CaseId == x.Id).ToListAsync(x.Cancellation);
            foreach (var (field, problems) in MeasureRules.CompletionProblems(true, x.Case.Content.Measures.Count, results))
                errors[field] = problems;
        }
        return errors;
    }

    static async Task<Dictionary<string, string[]>> ValidateEnquiryAnswerAsync(IncomingStepContext x)
    {
        var enquiry = x.Input.EnquiryId is { } enquiryId
            ? await x.Services.Db.StatusEnquiries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enquiryId && e.BranchId == x.Id, x.Cancellation)
            : null;
        return StatusEnquiryRules.AnswerProblems(x.Input.EnquiryId, enquiry, x.Input.Answer, x.Services.Limits);
    }

    /// <summary>
    /// Why the case's decision clock cannot be extended: a mirror investigation's <see cref="ClockKind.MirrorCaseOpening"/> policy allows no extension,
    /// so extend-recognition is not offered there (it would only record "extension refused"). Null when the policy allows one.
    /// </summary>
    static string? NoDecisionExtension(IncomingCaseState? workflow)
    {
        if (workflow is null)
            return null;
        var kind = KindClocks.DecisionClockOf(workflow.Kind);
        return WorkflowData.DeadlinePolicies.Rule(kind, workflow.LegalBasis, workflow.Urgent).MaxExtension is null
            ? $"The {kind} clock of a {workflow.Kind} allows no extension (deadline-policies.json)."
            : null;
    }

    static async Task<Dictionary<string, string[]>> ValidateExtensionAsync(IncomingStepContext x)
    {
        var found = x.Case;
        var rule = WorkflowData.DeadlinePolicies.Rule(ClockKind.Recognition, found.Content.LegalBasis ?? LegalBasis.Reciprocity, found.Urgent);
        var clock = await x.Services.Db.Clocks.AsNoTracking()
            .SingleOrDefaultAsync(c => c.SubjectId == found.Id && c.Kind == ClockKind.Recognition, x.Cancellation);
        var extended = clock?.Extended == true || found.RecognitionExtendedAt is not null;
        return RecognitionExtensionRules.Problems(x.Input.Extension, x.Input.Reasons, rule, extended, x.Services.Limits);
    }
}
