using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Workflows.IncomingCases;
using NodaTime;

namespace MlaRequests.Node.Features.Incoming;

/// <summary>
/// The requested country's steps on an accepted joint investigation team proposal (UNTOC Art. 19), part of
/// <see cref="IncomingSteps.Table"/>: sign the agreement for this country, decline it, close it in force with an evaluation; in force,
/// propose a later end date, or sign or decline the requesting country's proposal.
/// </summary>
public static class JitAgreementSteps
{
    /// <summary>The steps.</summary>
    public static IReadOnlyList<IncomingStep> Table { get; } =
    [
        IncomingStep.Without("sign-agreement", m => m.SignJitAgreement, "Sign the JIT agreement",
            "Signs, for this country, the joint investigation team agreement this node accepted; the signature goes to the requesting country, and "
            + "the agreement is in force when both have signed. Its period clock then runs to the agreement's end date.", new(),
            (x, _) => Task.FromResult<object>(new SignJitAgreement(x.Id, x.Actor, x.At))),
        IncomingStep.With<ReasonsBody>("decline-agreement", m => m.DeclineJitAgreement, "Decline the JIT agreement",
            "Declines, with reasons, to sign the agreement before it is in force; the requesting country is told and the proposal ends for this country.",
            new("Step.Reasons", Danger: true), b => new() { Reasons = b.Reasons },
            x => Task.FromResult(StepInputRules.Required("reasons", x.Input.Reasons, x.Services.Limits)),
            (x, _) => Task.FromResult<object>(new DeclineJitAgreement(x.Id, x.Input.Reasons!.Trim(), x.Actor, x.At))),
        IncomingStep.With<EvaluationBody>("close-agreement", m => m.CloseJitAgreement, "Close the JIT agreement",
            "Closes the agreement in force, on behalf of this country's team leader, with an evaluation note the requesting country sees; the period "
            + "clock stops.", new("Step.Evaluation"), b => new() { Summary = b.Evaluation },
            x => Task.FromResult(StepInputRules.Required("evaluation", x.Input.Summary, x.Services.Limits)),
            (x, _) => Task.FromResult<object>(new CloseJitAgreement(x.Id, x.Input.Summary!.Trim(), x.Actor, x.At))),
        IncomingStep.With<ExtensionBody>("propose-extension", m => m.ProposeJitExtension, "Propose to extend the JIT agreement",
            "Proposes, with reasons, a later end date (endsOn, ISO date) for the agreement in force: later than its current end date and than today. The "
            + "requesting country signs or declines it; the agreement stays in force meanwhile. If both countries propose at once, both proposals lapse.",
            new("Step.Reasons", StepFields.Until), b => new() { Until = b.EndsOn, Reasons = b.Reasons }, ValidateExtensionAsync,
            (x, _) => Task.FromResult<object>(new ProposeJitExtension(x.Id, x.Input.Until!.Value, x.Input.Reasons!.Trim(), x.Actor, x.At))),
        IncomingStep.Without("sign-extension", m => m.SignJitExtension, "Sign the proposed extension of the JIT agreement",
            "Signs, for this country, the later end date the requesting country proposed: it is in force on both nodes and the period clock runs to the "
            + "new end date.", new(),
            (x, _) => Task.FromResult<object>(new SignJitExtension(x.Id, x.Actor, x.At))),
        IncomingStep.With<ReasonsBody>("decline-extension", m => m.DeclineJitExtension, "Decline the proposed extension of the JIT agreement",
            "Declines, with reasons, the later end date the requesting country proposed; the agreement stays as it was.",
            new("Step.Reasons", Danger: true), b => new() { Reasons = b.Reasons },
            x => Task.FromResult(StepInputRules.Required("reasons", x.Input.Reasons, x.Services.Limits)),
            (x, _) => Task.FromResult<object>(new DeclineJitExtension(x.Id, x.Input.Reasons!.Trim(), x.Actor, x.At))),
    ];

    /// <summary>The proposed end date against the agreement's current one (an earlier extension's, else the agreement's own).</summary>
    static async Task<Dictionary<string, string[]>> ValidateExtensionAsync(IncomingStepContext x)
    {
        var extended = await x.Services.Db.IncomingCaseWorkflows.AsNoTracking().Where(w => w.CorrelationId == x.Id).Select(w => w.JitEndsOn)
            .SingleOrDefaultAsync(x.Cancellation);
        return JitExtensionRules.Problems(x.Input.Until, x.Input.Reasons, extended ?? x.Case.Content.Jit?.EndsOn, NodeTime.Today(x.NodeCode, x.At),
            x.Services.Limits);
    }

    /// <summary>A proposed extension.</summary>
    /// <param name="EndsOn">The new last day of the agreement (ISO date), later than its current end date.</param>
    /// <param name="Reasons">Why the team needs longer.</param>
    public sealed record ExtensionBody(LocalDate? EndsOn, string? Reasons);

    /// <summary>Reasons for declining.</summary>
    /// <param name="Reasons">Why.</param>
    public sealed record ReasonsBody(string? Reasons);

    /// <summary>The evaluation that closes the agreement.</summary>
    /// <param name="Evaluation">The evaluation of the team's work.</param>
    public sealed record EvaluationBody(string? Evaluation);
}
