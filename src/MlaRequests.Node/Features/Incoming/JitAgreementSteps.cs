using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Workflows.IncomingCases;

namespace MlaRequests.Node.Features.Incoming;

/// <summary>
/// The requested country's steps on an accepted joint investigation team proposal (UNTOC Art. 19), part of
/// <see cref="IncomingSteps.Table"/>: sign the agreement for this country, decline it, close it in force with an evaluation.
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
    ];

    /// <summary>Reasons for declining.</summary>
    /// <param name="Reasons">Why.</param>
    public sealed record ReasonsBody(string? Reasons);

    /// <summary>The evaluation that closes the agreement.</summary>
    /// <param name="Evaluation">The evaluation of the team's work.</param>
    public sealed record EvaluationBody(string? Evaluation);
}
