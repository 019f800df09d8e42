using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>The payload of a receipt envelope: which message the receiver committed, and when.</summary>
/// <param name="MessageId">The acknowledged message.</param>
/// <param name="ReceivedAt">When the receiver committed it.</param>
/// <param name="NotApplied">
/// Since contract version 2: why the receiver kept the message without applying it (it does not speak the contract or its
/// version yet); the sender holds the message until the receiver speaks that version. Null for a message applied (or a
/// duplicate of one). Sent only to senders that state their own version, so a release before it never reads one.
/// </param>
public sealed record DeliveryReceipt(Guid MessageId, Instant ReceivedAt, string? NotApplied = null);
