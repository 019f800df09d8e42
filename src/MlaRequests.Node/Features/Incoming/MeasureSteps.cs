using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Measures;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Accounts;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Workflows.Content;
using MlaRequests.Workflows.IncomingCases;

namespace MlaRequests.Node.Features.Incoming;

/// <summary>
/// The executing authority's steps on an incoming case, part of <see cref="IncomingSteps.Table"/>: a result per measure,
/// a refusal of one measure proposed and signed off by a supervisor other than the proposer, and the evidence prepared
/// for the liaison officer to transfer. The rules behind their 400s are <see cref="MeasureRules"/>.
/// </summary>
public static class MeasureSteps
{
    static readonly IReadOnlyList<string> Executing = [Roles.Executor, Roles.LiaisonOfficer];

    /// <summary>The entries of the incoming step table.</summary>
    public static IReadOnlyList<IncomingStep> Table { get; } =
    [
        IncomingStep.With<MeasureBody>("record-measure", m => m.RecordMeasureResult, "Record one measure's result",
            "Records a measure's status (InExecution, Executed, PartiallyExecuted or Impossible) with a summary; Impossible needs reasons. "
            + "Reported to the requesting country at once; the first measure that yields something makes the case partially executed.",
            new("Step.Summary", StepFields.Measure | StepFields.MeasureStatus),
            b => new() { Measure = b.Measure, MeasureStatus = b.Status, Summary = b.Summary, Reasons = b.Reasons },
            async x => MeasureRules.RecordProblems(x.Input.Measure, x.Case.Content.Measures.Count, x.Input.MeasureStatus, x.Input.Summary, x.Input.Reasons,
                await CurrentAsync(x), x.Services.Limits),
            (x, _) =>
            {
                var status = MeasureRules.Parse(x.Input.MeasureStatus)!.Value;
                return IncomingSteps.Message(new RecordMeasureResult(x.Id, x.Input.Measure!.Value, status, x.Input.Summary?.Trim() ?? string.Empty,
                    status == MeasureStatus.Impossible ? x.Input.Reasons!.Trim() : null, x.Actor, x.At));
            }, Executing),
        IncomingStep.With<MeasureRefusalBody>("propose-measure-refusal", m => m.ProposeMeasureRefusal, "Propose to refuse one measure",
            "Proposes to refuse one measure on coded grounds with reasons (UNTOC Art. 18(21), (23)); it stays on this node until a supervisor "
            + "other than the proposer signs it off.",
            new("Step.Reasons", StepFields.Measure | StepFields.Grounds, Danger: true),
            b => new() { Measure = b.Measure, Grounds = b.Grounds, Reasons = b.Reasons },
            async x => MeasureRules.ProposalProblems(x.Input.Measure, x.Case.Content.Measures.Count, x.Input.Grounds, x.Input.Reasons, await CurrentAsync(x),
                ContentData.RefusalGrounds.Select(g => g.Code).ToList(), x.Services.Limits),
            (x, _) => IncomingSteps.Message(new ProposeMeasureRefusal(x.Id, x.Input.Measure!.Value, x.Input.Grounds!, x.Input.Reasons!.Trim(), x.Actor, x.At)),
            [.. Executing, Roles.Supervisor]),
        IncomingStep.With<MeasureSignOffBody>("sign-off-measure-refusal", m => m.SignOffMeasureRefusal, "Sign off a proposed refusal of one measure",
            "Signs off the refusal of one measure someone else proposed; the measure is then refused and the requesting country told, with the "
            + "proposal's grounds and reasons.",
            new(null, StepFields.Measure, Danger: true),
            b => new() { Measure = b.Measure },
            async x => MeasureRules.SignOffProblems(x.Input.Measure, x.Case.Content.Measures.Count, await CurrentAsync(x), x.Actor),
            async (x, _) =>
            {
                var proposal = (await CurrentAsync(x))!;
                return new SignOffMeasureRefusal(x.Id, x.Input.Measure!.Value, proposal.ProposedGrounds!.Split(','), proposal.ProposedReasons!, x.Actor, x.At);
            }, [Roles.Supervisor]),
        IncomingStep.With<MeasureReturnBody>("return-measure-refusal", m => m.ReturnMeasureRefusal, "Send a proposed refusal of one measure back",
            "Sends the proposed refusal of one measure back with reasons: the proposal is withdrawn, the measure stays as it was, nothing is "
            + "reported, and the proposer sees the reasons on the timeline.",
            new("Step.Reasons", StepFields.Measure),
            b => new() { Measure = b.Measure, Reasons = b.Reasons },
            async x => MeasureRefusalReturnRules.Problems(x.Input.Measure, x.Case.Content.Measures.Count, await CurrentAsync(x), x.Input.Reasons,
                x.Services.Limits),
            (x, _) => IncomingSteps.Message(new ReturnMeasureRefusal(x.Id, x.Input.Measure!.Value, x.Input.Reasons!.Trim(), x.Actor, x.At)),
            [Roles.Supervisor]),
        IncomingStep.With<ProvisionalDecisionBody>("decide-provisional-measure", m => m.DecideProvisionalMeasure, "Record a provisional measure's decision",
            "Records that the competent authority ordered or refused a provisional measure (a freezing or a preservation of evidence requested with the "
            + "request): outcome Ordered or Refused, when (decidedAt, between the request's arrival and now) and by which authority; a refusal gives reasons "
            + "and may give refusal grounds (GET /api/refusal-grounds). Allowed from the case's arrival, also after acceptance; once per measure. That "
            + "measure's 24-hour clock stops and the requesting country is told (ProvisionalMeasureDecided, contract version 4).",
            new("Step.Reasons", StepFields.Measure | StepFields.ProvisionalDecision | StepFields.Grounds),
            b => new() { Measure = b.Measure, Outcome = b.Outcome, DecidedAt = b.DecidedAt, Authority = b.Authority, Grounds = b.Grounds, Reasons = b.Reasons },
            async x => ProvisionalMeasureRules.Problems(x.Input.Measure, x.Case.Content.Measures.Select(m => m.IsProvisional).ToList(), x.Input.Outcome,
                x.Input.DecidedAt, x.Input.Authority, x.Input.Grounds, x.Input.Reasons, await CurrentAsync(x), x.Case.ReceivedAt, x.At,
                ContentData.RefusalGrounds.Select(g => g.Code).ToList(), x.Services.Limits),
            (x, _) =>
            {
                var outcome = ProvisionalMeasureRules.Parse(x.Input.Outcome)!;
                return IncomingSteps.Message(new DecideProvisionalMeasure(x.Id, x.Input.Measure!.Value, outcome, x.Input.DecidedAt!.Value, x.Input.Authority!.Trim(),
                    outcome == ProvisionalMeasureRules.Refused && x.Input.Grounds is { Count: > 0 } grounds ? grounds.Distinct().ToList() : [],
                    string.IsNullOrWhiteSpace(x.Input.Reasons) ? null : x.Input.Reasons.Trim(), x.Actor, x.At));
            }, Executing).Unless(NoProvisionalMeasureAwaits),
        IncomingStep.With<IncomingSteps.TransferBody>("prepare-evidence", m => m.PrepareEvidence, "Prepare the evidence for transfer",
            "Tells the liaison officers the evidence is ready (what, for which measures); they review it and transfer it.",
            new("Step.Description"), b => new() { Description = b.Description },
            x => IncomingSteps.Problems(StepInputRules.Required("description", x.Input.Description, x.Services.Limits)),
            (x, _) => IncomingSteps.Message(new PrepareEvidence(x.Id, x.Input.Description!.Trim(), x.Actor, x.At)), Executing),
    ];

    /// <summary>One measure's result.</summary>
    /// <param name="Measure">The measure's 1-based position in the request's list of measures.</param>
    /// <param name="Status">InExecution, Executed, PartiallyExecuted or Impossible.</param>
    /// <param name="Summary">What was done (required unless InExecution).</param>
    /// <param name="Reasons">Why it is impossible (required for Impossible).</param>
    public sealed record MeasureBody(int? Measure, string? Status, string? Summary, string? Reasons);

    /// <summary>A proposed refusal of one measure.</summary>
    /// <param name="Measure">The measure's 1-based position in the request's list of measures.</param>
    /// <param name="Grounds">Ground codes (see <c>GET /api/refusal-grounds</c>).</param>
    /// <param name="Reasons">Mandatory reasons.</param>
    public sealed record MeasureRefusalBody(int? Measure, IReadOnlyList<string>? Grounds, string? Reasons);

    /// <summary>A provisional measure's decision.</summary>
    /// <param name="Measure">The measure's 1-based position in the request's list of measures (a freezing or a preservation).</param>
    /// <param name="Outcome">Ordered or Refused.</param>
    /// <param name="DecidedAt">When the authority ordered or refused it (ISO-8601 instant, between the request's arrival and now).</param>
    /// <param name="Authority">Which authority ordered or refused it.</param>
    /// <param name="Grounds">Refusal ground codes (optional, only with Refused; see <c>GET /api/refusal-grounds</c>).</param>
    /// <param name="Reasons">Reasons (required with Refused).</param>
    public sealed record ProvisionalDecisionBody(int? Measure, string? Outcome, NodaTime.Instant? DecidedAt, string? Authority, IReadOnlyList<string>? Grounds,
        string? Reasons);

    /// <summary>The measure whose proposed refusal is signed off.</summary>
    /// <param name="Measure">The measure's 1-based position in the request's list of measures.</param>
    public sealed record MeasureSignOffBody(int? Measure);

    /// <summary>The measure whose proposed refusal is sent back, and why.</summary>
    /// <param name="Measure">The measure's 1-based position in the request's list of measures.</param>
    /// <param name="Reasons">Why it goes back (mandatory; the proposer sees them).</param>
    public sealed record MeasureReturnBody(int? Measure, string? Reasons);

    static Task<MeasureResult?> CurrentAsync(IncomingStepContext x) =>
        x.Input.Measure is { } measure
            ? x.Services.Db.MeasureResults.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == x.Id && r.Measure == measure, x.Cancellation)
            : Task.FromResult<MeasureResult?>(null);

    /// <summary>
    /// The decision is offered only while a provisional measure of the case awaits it (its own clock runs): never on a case without a
    /// freezing or preservation, nor once every one is decided or the request ended, nor on a case an earlier release received (its
    /// single clock stops at acceptance, docs/workflows/provisional-measures.md).
    /// </summary>
    static string? NoProvisionalMeasureAwaits(MlaRequests.Workflows.IncomingCases.IncomingCaseState? workflow) =>
        workflow is not null && string.IsNullOrEmpty(workflow.ProvisionalMeasures)
            ? "No provisional measure of this case awaits a decision: none was requested, each is decided, or the request ended."
            : null;
}
