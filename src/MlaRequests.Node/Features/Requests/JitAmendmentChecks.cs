using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Workflows.Branches;
using MassTransit;

namespace MlaRequests.Node.Features.Requests;

/// <summary>The amendment steps of the requesting side (per requested country): the proposal checked by <see cref="JitAmendmentRules"/> against the agreement in force with that country.</summary>
public static class JitAmendmentChecks
{
    /// <summary>The problems of <c>propose-jit-amendment</c>.</summary>
    public static Dictionary<string, string[]> Problems(RequestStepContext x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var (current, endsOn, _) = Current(x);
        return JitAmendmentRules.Problems(x.Jit, x.Text, current.Read(), endsOn, x.Services.NodeCode, x.Request.Content.Targets, x.Services.Limits);
    }

    /// <summary>The workflow message of <c>propose-jit-amendment</c>: the amended agreement (with the period in force) as the next version.</summary>
    public static ProposeAmendmentWithTarget Propose(RequestStepContext x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var (current, endsOn, _) = Current(x);
        var amended = JitAmendmentRules.WithPeriod(x.Jit!, current.Read(), endsOn);
        return new ProposeAmendmentWithTarget(x.BranchId, NewId.NextGuid(), current.Number + 1, JitAgreementVersion.Write(amended), x.Text!.Trim(), x.Actor, x.At);
    }

    /// <summary>The open amendment with this country (the one <c>sign-jit-amendment</c> and <c>decline-jit-amendment</c> answer).</summary>
    public static Guid Open(RequestStepContext x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Current(x).Open?.Id ?? Guid.Empty;
    }

    /// <summary>Reads the agreement's versions with this country once, before the checks (<see cref="RequestStep{TMachine}.Prepare"/>).</summary>
    public static async Task<RequestStepContext> ReadAsync(RequestStepContext x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var db = x.Services.Db;
        var branch = await db.BranchWorkflows.AsNoTracking().SingleAsync(b => b.CorrelationId == x.BranchId, x.Cancellation);
        var history = await JitAgreementHistory.ReadAsync(db, x.BranchId, branch.CurrentState, x.Request.Content.Jit, branch.JitEndsOn, x.Cancellation);
        return x with { JitHistory = history, JitEndsOn = branch.JitEndsOn };
    }

    static (JitAgreementVersion Current, NodaTime.LocalDate? EndsOn, JitAgreementVersion? Open) Current(RequestStepContext x)
    {
        var history = x.JitHistory ?? throw new InvalidOperationException("The amendment steps read the agreement first (Prepare = ReadAsync).");
        var current = history.InForce ?? history.Versions.FirstOrDefault() ?? new JitAgreementVersion
        {
            Agreement = JitAgreementVersion.Write(x.Request.Content.Jit ?? new JitProposal()), Number = 1, State = JitVersionStates.InForce,
        };
        return (current, x.JitEndsOn ?? current.Read().EndsOn, history.Open);
    }
}
