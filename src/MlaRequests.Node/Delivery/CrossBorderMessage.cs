using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// One message to another country's node and its transport state (DOMAIN.md): <c>Queued → Sent →
/// Delivered</c> (the receiver committed and returned a signed receipt), or <c>Retrying</c> while
/// it is resent with the same MessageId, and <c>Failed</c> when the schedule is exhausted (a person
/// is alerted; an administrator can retry). Receipts this node owes others are rows of kind receipt.
/// </summary>
public sealed class CrossBorderMessage
{
    /// <summary>Insertion order.</summary>
    public long Id { get; set; }

    /// <summary>The envelope's MessageId, the same on every attempt.</summary>
    public Guid MessageId { get; set; }

    /// <summary><c>message</c> or <c>receipt</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The recipient node.</summary>
    public required string ToNode { get; set; }

    /// <summary>The contract's name.</summary>
    public required string ContractType { get; set; }

    /// <summary>The contract's version.</summary>
    public int ContractVersion { get; set; }

    /// <summary>The branch it belongs to.</summary>
    public Guid CorrelationId { get; set; }

    /// <summary>The contract as JSON.</summary>
    public required string Payload { get; set; }

    /// <summary>When it was queued (the envelope's SentAt).</summary>
    public Instant CreatedAt { get; set; }

    /// <summary>Queued, Sent, Delivered, Retrying or Failed.</summary>
    public required string State { get; set; }

    /// <summary>Attempts made (sends that failed or got no receipt in time).</summary>
    public int Attempts { get; set; }

    /// <summary>When to send (again); null once delivered or failed.</summary>
    public Instant? NextAttemptAt { get; set; }

    /// <summary>When it was last handed to the broker.</summary>
    public Instant? LastSentAt { get; set; }

    /// <summary>When the receipt came.</summary>
    public Instant? DeliveredAt { get; set; }

    /// <summary>When the schedule was exhausted.</summary>
    public Instant? FailedAt { get; set; }

    /// <summary>Why the last attempt did not deliver.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the workflow step that queued it: every attempt, after any restart, is sent in that
    /// trace, so the receiving node's spans join it.
    /// </summary>
    public string? TraceParent { get; set; }
}
