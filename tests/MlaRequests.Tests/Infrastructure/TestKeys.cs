using System.Security.Cryptography;
using MlaRequests.Domain;
using MlaRequests.Node.Delivery;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// One set of keys per node for the whole test run (signing and encryption); every node trusts every other node's public
/// identity. A node gets its private keys from a key file (mode 0600) in its data directory, never from its command line.
/// </summary>
public static class TestKeys
{
    static readonly Dictionary<string, (NodeKeyFile Keys, string PublicKey)> Keys =
        NodeCode.Countries.Keys.ToDictionary(code => code, _ => NodeKeys.Generate());

    /// <summary>
    /// The settings that give node <paramref name="code"/> its keys (a key file written in <paramref name="directory"/>)
    /// and the region's trust list; peers in <paramref name="notYetSealing"/> are listed as a release before sealing lists
    /// them, with their signing key only.
    /// </summary>
    public static Dictionary<string, string?> SettingsFor(string code, string directory, params string[] notYetSealing)
    {
        var file = Path.Combine(directory, $"test-keys-{code.ToLowerInvariant()}.json");
        if (!File.Exists(file))
            Keys[code].Keys.Write(file);
        var settings = new Dictionary<string, string?> { ["CrossBorder:KeyFile"] = file };
        foreach (var peer in Keys.Keys.Where(k => k != code))
            settings[$"CrossBorder:TrustedKeys:{peer}"] = notYetSealing.Contains(peer) ? SigningPublicKeyOf(peer) : PublicKeyOf(peer);
        return settings;
    }

    /// <summary>The keys of <paramref name="code"/> (to forge nothing: tests sign and seal what a real peer would).</summary>
    public static NodeKeyFile Of(string code) => Keys[code].Keys;

    /// <summary>The private signing key of <paramref name="code"/>.</summary>
    public static string PrivateKeyOf(string code) => Keys[code].Keys.SigningKey!;

    /// <summary>The public identity of <paramref name="code"/>, <c>sig:…;enc:…</c>.</summary>
    public static string PublicKeyOf(string code) => Keys[code].PublicKey;

    /// <summary>The public signing key alone, base64 SPKI: the trust entry of a release before sealing.</summary>
    public static string SigningPublicKeyOf(string code)
    {
        using var key = Signing(code);
        return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The signing key of <paramref name="code"/>.</summary>
    public static ECDsa Signing(string code)
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(PrivateKeyOf(code)), out _);
        return key;
    }

    /// <summary>The encryption key of <paramref name="code"/>.</summary>
    public static ECDiffieHellman Encryption(string code)
    {
        var key = ECDiffieHellman.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(Keys[code].Keys.EncryptionKey!), out _);
        return key;
    }
}
