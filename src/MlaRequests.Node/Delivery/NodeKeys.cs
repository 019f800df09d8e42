using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MlaRequests.Node.Hosting;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// This node's keys and the trust list of its peers' public keys. The node signs with one key (ECDSA) and opens sealed
/// envelopes with another (ECDH), its current encryption key or the previous one while a rotation is under way. Keys come
/// from <c>CrossBorder:KeyFile</c> or the environment (<c>CrossBorder__SigningKey</c>, <c>CrossBorder__EncryptionKey</c>);
/// a key configured neither way is kept in the data directory (0600 in a 0700 directory, so the identity survives
/// restarts), and the node logs its public identity for the peers' trust lists.
/// </summary>
public sealed class NodeKeys : IDisposable
{
    readonly Dictionary<string, PeerKeys> _trusted = new(StringComparer.Ordinal);
    readonly Dictionary<string, ECDiffieHellman> _decryption = new(StringComparer.Ordinal);

    /// <summary>Loads the keys from <paramref name="options"/>.</summary>
    public NodeKeys(IOptions<CrossBorderOptions> options, IOptions<NodeOptions> node, ILogger<NodeKeys> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(node);
        var configured = options.Value.Keys();
        if (string.IsNullOrWhiteSpace(configured.SigningKey) || string.IsNullOrWhiteSpace(configured.EncryptionKey))
        {
            var kept = Kept(node.Value, logger);
            configured = configured with
            {
                SigningKey = string.IsNullOrWhiteSpace(configured.SigningKey) ? kept.SigningKey : configured.SigningKey,
                EncryptionKey = string.IsNullOrWhiteSpace(configured.EncryptionKey) ? kept.EncryptionKey : configured.EncryptionKey,
            };
        }
        Signing = ECDsa.Create();
        Signing.ImportPkcs8PrivateKey(Decode(configured.SigningKey!, "CrossBorder:SigningKey"), out _);
        SigningKeyId = PeerKeys.KeyIdOf(Signing);
        var encryption = ECDiffieHellman.Create();
        encryption.ImportPkcs8PrivateKey(Decode(configured.EncryptionKey!, "CrossBorder:EncryptionKey"), out _);
        _decryption[PeerKeys.KeyIdOf(encryption)] = encryption;
        if (!string.IsNullOrWhiteSpace(configured.PreviousEncryptionKey))
        {
            var previous = ECDiffieHellman.Create();
            previous.ImportPkcs8PrivateKey(Decode(configured.PreviousEncryptionKey, "CrossBorder:PreviousEncryptionKey"), out _);
            _decryption.TryAdd(PeerKeys.KeyIdOf(previous), previous);
        }
        PublicKey = PeerKeys.Format(Signing, encryption);
        logger.LogInformation("Node {Code} signs with key {SigningKeyId}, opens with {EncryptionKeyIds}; its public identity for the peers' trust lists: {PublicKey}",
            node.Value.Code, SigningKeyId, string.Join(", ", _decryption.Keys), PublicKey);

        foreach (var (code, key) in options.Value.TrustedKeys)
            _trusted[code] = PeerKeys.Parse(key);
    }

    /// <summary>This node's private signing key.</summary>
    public ECDsa Signing { get; }

    /// <summary>The id of <see cref="Signing"/> (envelopes name it, so a peer trusting several of this node's keys knows which one).</summary>
    public string SigningKeyId { get; }

    /// <summary>This node's public identity, <c>sig:…;enc:…</c> (current keys), for the peers' trust lists.</summary>
    public string PublicKey { get; }

    /// <summary>The trust list's entry for <paramref name="node"/>, if any.</summary>
    public PeerKeys? TrustOf(string node) => _trusted.GetValueOrDefault(node);

    /// <summary>True when <paramref name="node"/> seals: its trust entry has an encryption key, so nothing unsealed goes to it or is accepted from it.</summary>
    public bool Seals(string node) => TrustOf(node)?.Encryption is not null;

    /// <summary>This node's private encryption key with id <paramref name="keyId"/> (current or previous), if it holds it.</summary>
    public ECDiffieHellman? DecryptionKey(string keyId) => _decryption.GetValueOrDefault(keyId);

    /// <summary>New keys, and the public identity that goes with them.</summary>
    public static (NodeKeyFile Keys, string PublicKey) Generate()
    {
        var keys = NodeKeyFile.Generate();
        return (keys, PublicKeyOf(keys));
    }

    /// <summary>The public identity of <paramref name="keys"/>' current keys.</summary>
    public static string PublicKeyOf(NodeKeyFile keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var signing = ECDsa.Create();
        signing.ImportPkcs8PrivateKey(Convert.FromBase64String(keys.SigningKey!), out _);
        using var encryption = ECDiffieHellman.Create();
        encryption.ImportPkcs8PrivateKey(Convert.FromBase64String(keys.EncryptionKey!), out _);
        return PeerKeys.Format(signing, encryption);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Signing.Dispose();
        foreach (var key in _decryption.Values)
            key.Dispose();
        foreach (var peer in _trusted.Values)
            peer.Dispose();
    }

    /// <summary>
    /// The keys kept in the data directory (made on first start; a signing key an earlier release kept there stays this
    /// node's identity, so its peers' trust lists keep verifying it).
    /// </summary>
    static NodeKeyFile Kept(NodeOptions node, ILogger logger)
    {
        var directory = Path.GetDirectoryName(node.DatabasePath)!;
        var file = Path.Combine(directory, $"node-{node.Code.ToLowerInvariant()}.keys");
        NodeKeyFile.EnsurePrivateDirectory(directory);
        if (File.Exists(file))
        {
            NodeKeyFile.MakePrivate(file);
            return NodeKeyFile.Read(file);
        }
        var keys = NodeKeyFile.Generate();
        var earlier = Path.Combine(directory, $"node-{node.Code.ToLowerInvariant()}.signing-key");
        if (File.Exists(earlier))
        {
            NodeKeyFile.MakePrivate(earlier);
            keys = keys with { SigningKey = File.ReadAllText(earlier).Trim() };
        }
        keys.Write(file);
        logger.LogWarning("No CrossBorder:KeyFile or keys in the environment: keeping this node's keys in {File}", file);
        return keys;
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
