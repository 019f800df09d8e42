using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using MlaRequests.Domain;

namespace MlaRequests.Node.Delivery;

/// <summary>Cross-border delivery settings (section <c>CrossBorder</c>).</summary>
public sealed class CrossBorderOptions : IValidatableObject
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

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(SigningKey) && !Reads(SigningKey, (key, bytes) => key.ImportPkcs8PrivateKey(bytes, out _)))
            yield return new ValidationResult("CrossBorder:SigningKey is not a base64 PKCS#8 ECDSA private key (run the node with 'keygen' to make one).",
                [nameof(SigningKey)]);
        foreach (var (code, key) in TrustedKeys)
        {
            if (!NodeCode.IsKnown(code))
                yield return new ValidationResult(
                    $"CrossBorder:TrustedKeys:{code} names an unknown node code (known: {string.Join(", ", NodeCode.Countries.Keys)}).", [nameof(TrustedKeys)]);
            else if (string.IsNullOrWhiteSpace(key) || !Reads(key, (k, bytes) => k.ImportSubjectPublicKeyInfo(bytes, out _)))
                yield return new ValidationResult($"CrossBorder:TrustedKeys:{code} is missing or not a base64 ECDSA public key (SubjectPublicKeyInfo).",
                    [nameof(TrustedKeys)]);
        }
        if (MaxAttempts < 1)
            yield return new ValidationResult($"CrossBorder:MaxAttempts must be at least 1 (was {MaxAttempts}).", [nameof(MaxAttempts)]);
        foreach (var (name, value) in new[] { (nameof(ReceiptTimeout), ReceiptTimeout), (nameof(FirstRetryDelay), FirstRetryDelay),
                     (nameof(MaxRetryDelay), MaxRetryDelay), (nameof(SendTimeout), SendTimeout), (nameof(BreakDuration), BreakDuration), (nameof(PollInterval), PollInterval) })
        {
            if (value <= TimeSpan.Zero)
                yield return new ValidationResult($"CrossBorder:{name} must be positive (was {value}).", [name]);
        }
    }

    static bool Reads(string base64, Action<ECDsa, byte[]> import)
    {
        try
        {
            using var key = ECDsa.Create();
            import(key, Convert.FromBase64String(base64.Trim()));
            return true;
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
