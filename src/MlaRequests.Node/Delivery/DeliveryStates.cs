namespace MlaRequests.Node.Delivery;

/// <summary>Transport states of cross-border messages.</summary>
public static class DeliveryStates
{
    /// <summary>Waiting for its first send.</summary>
    public const string Queued = "Queued";

    /// <summary>Handed to the broker; waiting for the receipt.</summary>
    public const string Sent = "Sent";

    /// <summary>The receiver committed it and its signed receipt came back.</summary>
    public const string Delivered = "Delivered";

    /// <summary>A send failed or no receipt came in time; it is sent again.</summary>
    public const string Retrying = "Retrying";

    /// <summary>The schedule is exhausted; a person is alerted and an administrator can retry.</summary>
    public const string Failed = "Failed";

    /// <summary>
    /// The peer does not speak the contract version the message needs yet (it said so, or it was last seen speaking a
    /// lower one): kept, not sent, until the peer is seen speaking that version, then sent again with the same MessageId.
    /// </summary>
    public const string WaitingForUpgrade = "WaitingForUpgrade";

    /// <summary>Envelope kind of a message.</summary>
    public const string MessageKind = "message";

    /// <summary>Envelope kind of a receipt.</summary>
    public const string ReceiptKind = "receipt";
}
