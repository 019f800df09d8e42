using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>The payload of a receipt envelope: which message the receiver committed, and when.</summary>
/// <param name="MessageId">The acknowledged message.</param>
/// <param name="ReceivedAt">When the receiver committed it.</param>
public sealed record DeliveryReceipt(Guid MessageId, Instant ReceivedAt);
