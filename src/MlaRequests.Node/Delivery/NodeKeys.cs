using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MlaRequests.Domain;
using MlaRequests.Node.Hosting;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// This node's signing key and the trust list of its peers' public keys. Without a configured key
/// the node keeps one in its data directory (so its identity survives restarts) and logs the public
/// half for the peers' trust lists.
/// </summary>
public sealed class NodeKeys : IDisposable
{
    readonly Dictionary<string, ECDsa> _trusted = new(StringComparer.Ordinal);

    /// <summary>Loads the keys from <paramref name="options"/>.</summary>
    public NodeKeys(IOptions<CrossBorderOptions> options, IOptions<NodeOptions> node, ILogger<NodeKeys> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(node);
        Signing = ECDsa.Create();
        var configured = options.Value.SigningKey;
        var keyFile = Path.Combine(Path.GetDirectoryName(node.Value.DatabasePath)!, $"node-{node.Value.Code.ToLowerInvariant()}.signing-key");
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!File.Exists(keyFile))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
                File.WriteAllText(keyFile, Convert.ToBase64String(Signing.ExportPkcs8PrivateKey()));
                logger.LogWarning("No CrossBorder:SigningKey configured: generated one in {File}", keyFile);
            }
            configured = File.ReadAllText(keyFile).Trim();
        }
        Signing.ImportPkcs8PrivateKey(Decode(configured, "CrossBorder:SigningKey"), out _);
        PublicKey = Convert.ToBase64String(Signing.ExportSubjectPublicKeyInfo());
        logger.LogInformation("Node {Code} signs with public key {PublicKey}", node.Value.Code, PublicKey);

        foreach (var (code, key) in options.Value.TrustedKeys)
        {
            if (!NodeCode.IsKnown(code))
                throw new InvalidOperationException($"CrossBorder:TrustedKeys:{code} names an unknown node code.");
            var peer = ECDsa.Create();
            peer.ImportSubjectPublicKeyInfo(Decode(key, $"CrossBorder:TrustedKeys:{code}"), out _);
            _trusted[code] = peer;
        }
    }

    /// <summary>This node's private key.</summary>
    public ECDsa Signing { get; }

    /// <summary>This node's public key, base64 SubjectPublicKeyInfo, for the peers' trust lists.</summary>
    public string PublicKey { get; }

    /// <summary>The trusted public key of <paramref name="node"/>, if any.</summary>
    public ECDsa? TrustedKeyOf(string node) => _trusted.GetValueOrDefault(node);

    /// <summary>A new key pair as (private PKCS#8, public SPKI), both base64.</summary>
    public static (string PrivateKey, string PublicKey) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (Convert.ToBase64String(key.ExportPkcs8PrivateKey()), Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Signing.Dispose();
        foreach (var key in _trusted.Values)
            key.Dispose();
    }

    static byte[] Decode(string value, string setting)
    {
        try
        {
            return Convert.FromBase64String(value.Trim());
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{setting} is not base64.", exception);
        }
    }
}
