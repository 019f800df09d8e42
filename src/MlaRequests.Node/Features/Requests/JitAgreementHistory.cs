using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Persistence;
using MlaRequests.Workflows.Shared;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary>
/// The versions of one JIT agreement (a branch on the requesting node, a case on the requested node), oldest first. An agreement in force
/// that was never amended has no rows (it entered into force before amendments existed, or simply was not amended): its version 1 is
/// derived from the request's content and the timeline, as the workflow stores it when the first amendment is proposed.
/// </summary>
/// <param name="Versions">Every version, by number, proposals that were declined or lapsed beside the number they would have had.</param>
public sealed record JitAgreementHistory(IReadOnlyList<JitAgreementVersion> Versions)
{
    /// <summary>The agreement in force: the latest version both parties signed (null before the agreement entered into force).</summary>
    public JitAgreementVersion? InForce => Versions.LastOrDefault(v => v.State == JitVersionStates.InForce);

    /// <summary>The open proposal, if one is awaiting the other party's signature.</summary>
    public JitAgreementVersion? Open => Versions.LastOrDefault(v => v.State == JitVersionStates.Proposed);

    /// <summary>The agreement states that have (or had) an agreement in force.</summary>
    static readonly HashSet<string> Signed = new(StringComparer.Ordinal)
    {
        "AgreementInForce", "ExtensionProposedHere", "ExtensionProposedThere", "AmendmentProposedHere", "AmendmentProposedThere", "AgreementClosed",
    };

    /// <summary>The history of <paramref name="branchId"/>'s agreement in workflow state <paramref name="state"/>.</summary>
    /// <param name="db">The node's database.</param>
    /// <param name="branchId">The branch or case.</param>
    /// <param name="state">The branch's or case's workflow state (version 1 is derived only once the agreement was in force).</param>
    /// <param name="jit">The agreement in the request's content.</param>
    /// <param name="endsOn">The end date an extension set (null: the agreement's own).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<JitAgreementHistory> ReadAsync(NodeDbContext db, Guid branchId, string? state, JitProposal? jit, LocalDate? endsOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = (await db.JitAgreementVersions.AsNoTracking().Where(v => v.BranchId == branchId).ToListAsync(ct))
            .OrderBy(v => v.Number).ThenBy(v => v.ProposedAt).ToList();
        if (rows.Count == 0 && state is not null && Signed.Contains(state))
            rows.Add(await JitVersions.FirstAsync(db, branchId, jit, endsOn, ct));
        return new(rows);
    }
}
