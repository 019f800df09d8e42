using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Features.Commands;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Workflows.IncomingCases;

namespace MlaRequests.Node.Features.Incoming;

/// <summary>
/// The requested country's amendment steps on a JIT agreement in force (UNTOC Art. 19), part of <see cref="IncomingSteps.Table"/>: propose the
/// amended agreement (members, leaders, purpose, arrangements) with reasons, or sign or decline the requesting country's proposal.
/// </summary>
public static class JitAmendmentSteps
{
    /// <summary>The steps.</summary>
    public static IReadOnlyList<IncomingStep> Table { get; } =
    [
        IncomingStep.With<AmendmentBody>("propose-amendment", m => m.ProposeJitAmendment, "Propose to amend the JIT agreement",
            "Proposes, with reasons, the whole amended agreement in force (jit: members with country, name, function, authority and leader, purpose, "
            + "arrangements), checked as at submission. The period is not amended here: leave startsOn and endsOn out (a later end date is proposed by "
            + "propose-extension). The requesting country signs or declines it; the agreement stays in force meanwhile. If both countries propose at "
            + "once (two amendments, or an amendment and an extension), both proposals lapse.",
            new("Step.Reasons", StepFields.JitAgreement), b => new() { Jit = b.Jit, Reasons = b.Reasons }, ValidateAsync,
            async (x, _) =>
            {
                var (current, endsOn, _) = await CurrentAsync(x);
                var amended = JitAmendmentRules.WithPeriod(x.Input.Jit!, current.Read(), endsOn);
                return new ProposeJitAmendment(x.Id, NewId.NextGuid(), current.Number + 1, JitAgreementVersion.Write(amended), x.Input.Reasons!.Trim(), x.Actor, x.At);
            }),
        IncomingStep.Without("sign-amendment", m => m.SignJitAmendment, "Sign the proposed amendment of the JIT agreement",
            "Signs, for this country, the amended agreement the requesting country proposed: it is the agreement in force on both nodes (the next version).",
            new(), async (x, _) => new SignJitAmendment(x.Id, (await CurrentAsync(x)).Open?.Id ?? Guid.Empty, x.Actor, x.At)),
        IncomingStep.With<JitAgreementSteps.ReasonsBody>("decline-amendment", m => m.DeclineJitAmendment, "Decline the proposed amendment of the JIT agreement",
            "Declines, with reasons, the amended agreement the requesting country proposed; the agreement in force stays as it was.",
            new("Step.Reasons", Danger: true), b => new() { Reasons = b.Reasons },
            x => Task.FromResult(StepInputRules.Required("reasons", x.Input.Reasons, x.Services.Limits)),
            async (x, _) => new DeclineJitAmendment(x.Id, (await CurrentAsync(x)).Open?.Id ?? Guid.Empty, x.Input.Reasons!.Trim(), x.Actor, x.At)),
    ];

    static async Task<Dictionary<string, string[]>> ValidateAsync(IncomingStepContext x)
    {
        var (current, endsOn, _) = await CurrentAsync(x);
        return JitAmendmentRules.Problems(x.Input.Jit, x.Input.Reasons, current.Read(), endsOn, x.Case.RequestingNode, x.Case.Content.Targets, x.Services.Limits);
    }

    /// <summary>The agreement in force on this case, its end date in force and the open proposal.</summary>
    static async Task<(JitAgreementVersion Current, NodaTime.LocalDate? EndsOn, JitAgreementVersion? Open)> CurrentAsync(IncomingStepContext x)
    {
        var workflow = await x.Services.Db.IncomingCaseWorkflows.AsNoTracking().SingleAsync(w => w.CorrelationId == x.Id, x.Cancellation);
        var history = await JitAgreementHistory.ReadAsync(x.Services.Db, x.Id, workflow.CurrentState, x.Case.Content.Jit, workflow.JitEndsOn, x.Cancellation);
        var current = history.InForce ?? new JitAgreementVersion
        {
            Agreement = JitAgreementVersion.Write(x.Case.Content.Jit ?? new JitProposal()), Number = 1, State = JitVersionStates.InForce,
        };
        return (current, workflow.JitEndsOn ?? current.Read().EndsOn, history.Open);
    }

    /// <summary>A proposed amendment.</summary>
    /// <param name="Jit">The whole amended agreement (the request content's jit shape); the period is left out or unchanged.</param>
    /// <param name="Reasons">Why the agreement is amended.</param>
    public sealed record AmendmentBody(JitProposal? Jit, string? Reasons);
}
