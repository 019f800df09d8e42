using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>A message that arrived and was not applied: unsigned, forged, malformed, misaddressed or of an unknown version. Kept for administrators.</summary>
public sealed class QuarantinedMessage
{
    /// <summary>Insertion order.</summary>
    public long Id { get; set; }

    /// <summary>When it arrived.</summary>
    public Instant ReceivedAt { get; set; }

    /// <summary>Why it was not applied.</summary>
    public required string Reason { get; set; }

    /// <summary>The claimed sender, if readable.</summary>
    public string? FromNode { get; set; }

    /// <summary>The claimed recipient, if readable.</summary>
    public string? ToNode { get; set; }

    /// <summary>The envelope's or transport's MessageId, if readable.</summary>
    public Guid? MessageId { get; set; }

    /// <summary>The claimed contract, if readable.</summary>
    public string? ContractType { get; set; }

    /// <summary>The message as received, capped (<see cref="QuarantinedBody.Keep(ReadOnlySpan{byte}, int)"/>): text, or <c>base64:</c> for bytes that are not UTF-8.</summary>
    public required string Body { get; set; }

    /// <summary>The size of the message as received, in bytes (null for rows kept before sizes were recorded).</summary>
    public long? BodyBytes { get; set; }

    /// <summary>SHA-256 of the message as received, hex (null for rows kept before hashes were recorded).</summary>
    public string? BodySha256 { get; set; }
}
