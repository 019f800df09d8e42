using Microsoft.EntityFrameworkCore;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// What this node knows of each peer's contract version, and the messages that wait for a peer's upgrade: a message whose
/// contract needs a version the peer is not known to speak is held (<see cref="DeliveryStates.WaitingForUpgrade"/>), and
/// sent again, same MessageId, in the transaction that learns the peer speaks it.
/// </summary>
public static class PeerVersions
{
    /// <summary>
    /// Records that <paramref name="peer"/> spoke <paramref name="version"/> in an envelope it sent at
    /// <paramref name="sentAt"/> (in the caller's transaction; an envelope older than the last one seen changes nothing, so
    /// a late copy does not talk a peer down); when that is higher than before, its messages waiting for that version are
    /// queued again at <paramref name="now"/>. Returns the version the peer is now known to speak.
    /// </summary>
    public static async Task<int> RecordAsync(NodeDbContext db, string peer, int version, Instant sentAt, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var known = await db.PeerVersions.SingleOrDefaultAsync(p => p.Node == peer, cancellationToken);
        if (known is not null && known.SeenAt > sentAt)
            return known.Version;
        if (known is null)
            db.PeerVersions.Add(known = new PeerVersion { Node = peer, Version = 0, SeenAt = sentAt });
        var before = known.Version;
        known.Version = version;
        known.SeenAt = sentAt;
        if (version > before)
            await db.CrossBorderMessages
                .Where(m => m.ToNode == peer && m.State == DeliveryStates.WaitingForUpgrade && m.ContractVersion <= version)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, DeliveryStates.Queued).SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.LastError, (string?)null), cancellationToken);
        return version;
    }

    /// <summary>The version each peer was last seen speaking.</summary>
    public static Task<Dictionary<string, int>> KnownAsync(NodeDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PeerVersions.AsNoTracking().ToDictionaryAsync(p => p.Node, p => p.Version, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>Why a message needing <paramref name="needed"/> waits for <paramref name="peer"/>, last seen speaking <paramref name="speaks"/>.</summary>
    public static string Waiting(string peer, string contract, int needed, int speaks) =>
        $"waiting for {peer}'s upgrade: {contract} needs contract version {needed}, {peer} was last seen speaking {speaks}";
}
