using Microsoft.EntityFrameworkCore;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Persistence;
using NodaTime.Text;

namespace MlaRequests.Node.Pages;

/// <summary>What the JIT agreement versions partial draws: per other party, the agreement in force (the latest signed version) and its history.</summary>
/// <param name="Parties">Per party on the other side of this node: its country, the agreement's history with it and the end date in force.</param>
public sealed record JitVersionsView(IReadOnlyList<JitVersionsView.Party> Parties)
{
    /// <summary>One bilateral agreement.</summary>
    /// <param name="Country">The other party.</param>
    /// <param name="History">The versions, oldest first.</param>
    /// <param name="EndsOn">The end date in force (an extension's, else the version's own), ISO.</param>
    public sealed record Party(string Country, JitAgreementHistory History, string EndsOn)
    {
        /// <summary>The agreement in force with this party.</summary>
        public JitProposal? InForce => History.InForce?.Read();

        /// <summary>The period in force, as ISO dates.</summary>
        public string Period => $"{(InForce?.StartsOn is { } s ? LocalDatePattern.Iso.Format(s) : "?")} – {EndsOn}";
    }

    /// <summary>True when some agreement has been amended or an amendment proposed (the partial shows only then; the card above is version 1).</summary>
    public bool Any => Parties.Any(p => p.History.Versions.Count > 1);

    /// <summary>The versions of <paramref name="branches"/> (other party, branch or case id) on this node, or null for a request that is not a JIT.</summary>
    public static async Task<JitVersionsView?> ReadAsync(NodeDbContext db, RequestContent content, IEnumerable<(string Country, Guid Id)> branches, bool incoming,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(branches);
        if (content.Kind != RequestKind.JointInvestigationTeam || content.Jit is null)
            return null;
        var parties = new List<Party>();
        foreach (var (country, id) in branches)
        {
            var row = incoming
                ? await db.IncomingCaseWorkflows.AsNoTracking().Where(w => w.CorrelationId == id).Select(w => new { w.CurrentState, w.JitEndsOn }).SingleOrDefaultAsync(ct)
                : await db.BranchWorkflows.AsNoTracking().Where(w => w.CorrelationId == id).Select(w => new { w.CurrentState, w.JitEndsOn }).SingleOrDefaultAsync(ct);
            var (state, endsOn) = (row?.CurrentState, row?.JitEndsOn);
            var history = await JitAgreementHistory.ReadAsync(db, id, state, content.Jit, endsOn, ct);
            var end = endsOn ?? history.InForce?.Read().EndsOn;
            parties.Add(new(country, history, end is { } e ? LocalDatePattern.Iso.Format(e) : "?"));
        }
        return new(parties);
    }
}
