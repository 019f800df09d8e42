using NodaTime;

namespace MlaRequests.Engine.Inbox;

/// <summary>
/// A message some consumer or workflow on this node has already applied. Written in the same
/// transaction as the state change, so a redelivered copy (after a crash before the ack) is
/// recognised and dropped instead of being applied twice.
/// </summary>
public sealed class InboxMessage
{
    /// <summary>The MassTransit MessageId of the applied message.</summary>
    public Guid MessageId { get; set; }

    /// <summary>Which consumer applied it (one message may be consumed by several).</summary>
    public Guid ConsumerId { get; set; }

    /// <summary>When it was applied; rows past the retention are pruned.</summary>
    public Instant ConsumedAt { get; set; }
}
