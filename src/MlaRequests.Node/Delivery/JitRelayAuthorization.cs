using Microsoft.EntityFrameworkCore;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Node.Persistence;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// A relayed JIT signature names a party in its body: besides coming from the requesting country of the case (checked by
/// <see cref="PeerAuthorization"/>), it must name another party of the agreement, never this country or a country outside it.
/// </summary>
public static class JitRelayAuthorization
{
    /// <summary>Why this node may not take <paramref name="relay"/>, or null when it may.</summary>
    public static async Task<string?> ProblemAsync(NodeDbContext db, string nodeCode, JitSignatureRelayed relay, string refused, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(relay);
        var incoming = await db.IncomingCases.AsNoTracking().Where(c => c.Id == relay.BranchId).Select(c => new { c.RequestingNode, c.Content })
            .SingleOrDefaultAsync(ct);
        if (incoming is null)
            return $"{refused}: this node has no such case";
        // A case that proposes no agreement takes no relay either (the workflow ignores it); the party is checked where there are parties.
        if (incoming.Content.Jit is null)
            return null;
        return JitPartiesRules.RelayProblem(incoming.Content.Jit, nodeCode, incoming.RequestingNode, relay.Party) is { } problem
            ? $"{refused}: {problem}"
            : null;
    }
}
