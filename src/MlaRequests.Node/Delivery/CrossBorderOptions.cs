using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using MlaRequests.Domain;

namespace MlaRequests.Node.Delivery;

/// <summary>Cross-border delivery settings (section <c>CrossBorder</c>).</summary>
public sealed class CrossBorderOptions : IValidatableObject
{
    /// <summary>
    /// A file with this node's private keys (<see cref="NodeKeyFile"/>; <c>keygen &lt;file&gt;</c> makes one), mode 0600: the node
    /// refuses to start when its group or others may read it. Keys in it win over the settings below.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// This node's ECDSA P-256 signing key, base64 PKCS#8, from the environment (<c>CrossBorder__SigningKey</c>), never a
    /// command-line argument. Empty, and none in <see cref="KeyFile"/>: a key kept in the data directory.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>This node's P-256 key that peers seal for (ECDH), base64 PKCS#8; like <see cref="SigningKey"/>.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>The encryption key before the last rotation: envelopes still sealed for it open until it is removed.</summary>
    public string? PreviousEncryptionKey { get; set; }

    /// <summary>
    /// The trust list: each peer's public keys by node code, <c>sig:…;enc:…</c> (<see cref="PeerKeys"/>), several while the
    /// peer rotates; a bare key is a signing key of a peer not yet sealing.
    /// </summary>
    public Dictionary<string, string> TrustedKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The private keys configured: <see cref="KeyFile"/>'s, else the settings'.</summary>
    public NodeKeyFile Keys()
    {
        var file = string.IsNullOrWhiteSpace(KeyFile) ? null : NodeKeyFile.Read(KeyFile);
        return new NodeKeyFile(NonEmpty(file?.SigningKey) ?? SigningKey, NonEmpty(file?.EncryptionKey) ?? EncryptionKey,
            NonEmpty(file?.PreviousEncryptionKey) ?? PreviousEncryptionKey);
    }

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

    /// <summary>
    /// The contract version this node speaks, at most <see cref="CrossBorderContracts.Version"/> (the default). A staged
    /// roll-out may pin a node lower while its peers upgrade: it then reads and states only that version, and keeps what
    /// needs more in quarantine, telling senders that state their version (docs/upgrades.md).
    /// </summary>
    public int ContractVersion { get; set; } = CrossBorderContracts.Version;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var keys = new NodeKeyFile(SigningKey, EncryptionKey, PreviousEncryptionKey);
        if (!string.IsNullOrWhiteSpace(KeyFile))
        {
            var problem = NodeKeyFile.Problem(KeyFile);
            if (problem is null)
            {
                try
                {
                    keys = Keys();
                }
                catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    problem = exception.Message;
                }
            }
            if (problem is not null)
            {
                yield return new ValidationResult($"CrossBorder:KeyFile {problem}.", [nameof(KeyFile)]);
                yield break;
            }
        }
        foreach (var (name, value) in new[] { (nameof(SigningKey), keys.SigningKey), (nameof(EncryptionKey), keys.EncryptionKey),
                     (nameof(PreviousEncryptionKey), keys.PreviousEncryptionKey) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !Reads(value))
                yield return new ValidationResult(
                    $"CrossBorder:{name} is not a base64 PKCS#8 P-256 private key (run the node with 'keygen' to make one).", [name]);
        }
        foreach (var (code, key) in TrustedKeys)
        {
            if (!NodeCode.IsKnown(code))
            {
                yield return new ValidationResult(
                    $"CrossBorder:TrustedKeys:{code} names an unknown node code (known: {string.Join(", ", NodeCode.Countries.Keys)}).", [nameof(TrustedKeys)]);
                continue;
            }
            string? unreadable = null;
            try
            {
                PeerKeys.Parse(key ?? string.Empty).Dispose();
            }
            catch (FormatException exception)
            {
                unreadable = exception.Message;
            }
            if (unreadable is not null)
                yield return new ValidationResult($"CrossBorder:TrustedKeys:{code} does not read ({unreadable}): expected 'sig:<base64 SPKI>;enc:<base64 SPKI>'.",
                    [nameof(TrustedKeys)]);
        }
        if (ContractVersion < 1 || ContractVersion > CrossBorderContracts.Version)
            yield return new ValidationResult(
                $"CrossBorder:ContractVersion must be between 1 and {CrossBorderContracts.Version}, the highest this release speaks (was {ContractVersion}).",
                [nameof(ContractVersion)]);
        if (MaxAttempts < 1)
            yield return new ValidationResult($"CrossBorder:MaxAttempts must be at least 1 (was {MaxAttempts}).", [nameof(MaxAttempts)]);
        foreach (var (name, value) in new[] { (nameof(ReceiptTimeout), ReceiptTimeout), (nameof(FirstRetryDelay), FirstRetryDelay),
                     (nameof(MaxRetryDelay), MaxRetryDelay), (nameof(SendTimeout), SendTimeout), (nameof(BreakDuration), BreakDuration), (nameof(PollInterval), PollInterval) })
        {
            if (value <= TimeSpan.Zero)
                yield return new ValidationResult($"CrossBorder:{name} must be positive (was {value}).", [name]);
        }
    }

    static bool Reads(string base64)
    {
        try
        {
            using var key = ECDiffieHellman.Create();
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(base64.Trim()), out _);
            return key.ExportParameters(false).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value;
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return false;
        }
    }

    static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
