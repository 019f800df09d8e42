using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>A cross-border message this node applied (by envelope MessageId): a resend is not applied again, only receipted again.</summary>
public sealed class ReceivedEnvelope
{
    /// <summary>The envelope's MessageId.</summary>
    public Guid MessageId { get; set; }

    /// <summary>The sender.</summary>
    public required string FromNode { get; set; }

    /// <summary>The contract.</summary>
    public required string ContractType { get; set; }

    /// <summary>When it was applied.</summary>
    public Instant ReceivedAt { get; set; }
}
