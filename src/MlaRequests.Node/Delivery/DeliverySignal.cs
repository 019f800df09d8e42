using MlaRequests.Engine.Outbox;

namespace MlaRequests.Node.Delivery;

/// <summary>Wakes the delivery service when a commit may have queued cross-border messages or receipts.</summary>
public sealed class DeliverySignal : WakeSignal;
