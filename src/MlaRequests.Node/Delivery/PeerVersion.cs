using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// The contract version a peer node was last seen speaking, learned from the signed envelopes it sends (messages and
/// receipts): a release before version 2 states none and speaks 1. Messages needing a higher version wait for it
/// (<see cref="DeliveryStates.WaitingForUpgrade"/>).
/// </summary>
public sealed class PeerVersion
{
    /// <summary>The peer's node code.</summary>
    public required string Node { get; set; }

    /// <summary>The version it spoke in its last envelope.</summary>
    public int Version { get; set; }

    /// <summary>When the peer sent that envelope (its own SentAt: later envelopes of the same peer win).</summary>
    public Instant SeenAt { get; set; }
}
