namespace MlaRequests.Node.Delivery;

/// <summary>Cross-border delivery settings (section <c>CrossBorder</c>).</summary>
public sealed class CrossBorderOptions
{
    /// <summary>This node's ECDSA P-256 private key, base64 PKCS#8 (<c>keygen</c> makes one). Empty: a key kept in the data directory.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Peers' public keys, base64 SubjectPublicKeyInfo, by node code: the trust list.</summary>
    public Dictionary<string, string> TrustedKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long to wait for a receipt before sending again.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay before a retry; doubles each attempt (with ±20 % jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts before a message is failed and supervisors are alerted.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Time allowed for one send to the broker.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a peer's circuit stays open after repeated send failures.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the delivery service looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
