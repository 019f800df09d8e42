using System.Security.Cryptography;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// One peer's entry in the trust list (<c>CrossBorder:TrustedKeys:{code}</c>): its public keys as
/// <c>sig:&lt;base64 SPKI&gt;;enc:&lt;base64 SPKI&gt;</c>, several separated by spaces while the peer rotates
/// (<c>sig:NEW;enc:NEW sig:OLD;enc:OLD</c>). Any listed signing key verifies; messages to the peer are sealed for
/// the first listed encryption key. A bare base64 key is a signing key, the form releases before sealing used: a
/// peer with no encryption key is not yet sealing, so it is sent unsealed envelopes and may send them.
/// </summary>
public sealed class PeerKeys : IDisposable
{
    readonly List<(string Id, ECDsa Key)> _signing = [];

    PeerKeys()
    {
    }

    /// <summary>The signing keys, with their ids.</summary>
    public IReadOnlyList<(string Id, ECDsa Key)> Signing => _signing;

    /// <summary>The key messages to this peer are sealed for, or null while the peer is not yet sealing.</summary>
    public ECDiffieHellman? Encryption { get; private set; }

    /// <summary>The id of <see cref="Encryption"/>.</summary>
    public string? EncryptionKeyId { get; private set; }

    /// <summary>The entry read from <paramref name="value"/>; a <see cref="FormatException"/> says what does not read.</summary>
    public static PeerKeys Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var keys = new PeerKeys();
        try
        {
            foreach (var token in value.Split([' ', '\t', '\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.StartsWith("enc:", StringComparison.Ordinal))
                {
                    var key = ECDiffieHellman.Create();
                    key.ImportSubjectPublicKeyInfo(Decode(token[4..]), out _);
                    RequireP256(key.ExportParameters(false));
                    if (keys.Encryption is null)
                        (keys.Encryption, keys.EncryptionKeyId) = (key, KeyIdOf(key));
                    else
                        key.Dispose();
                }
                else
                {
                    var key = ECDsa.Create();
                    key.ImportSubjectPublicKeyInfo(Decode(token.StartsWith("sig:", StringComparison.Ordinal) ? token[4..] : token), out _);
                    RequireP256(key.ExportParameters(false));
                    keys._signing.Add((KeyIdOf(key), key));
                }
            }
        }
        catch (CryptographicException exception)
        {
            keys.Dispose();
            throw new FormatException("a key is not an EC P-256 public key (base64 SubjectPublicKeyInfo)", exception);
        }
        catch (FormatException)
        {
            keys.Dispose();
            throw;
        }
        if (keys._signing.Count == 0)
        {
            keys.Dispose();
            throw new FormatException("no signing key (sig:…)");
        }
        return keys;
    }

    /// <summary>A node's public identity as its peers list it: <c>sig:…;enc:…</c>.</summary>
    public static string Format(ECDsa signing, ECDiffieHellman encryption)
    {
        ArgumentNullException.ThrowIfNull(signing);
        ArgumentNullException.ThrowIfNull(encryption);
        return $"sig:{Convert.ToBase64String(signing.ExportSubjectPublicKeyInfo())};enc:{Convert.ToBase64String(encryption.ExportSubjectPublicKeyInfo())}";
    }

    /// <summary>A key's id: the first 8 bytes of the SHA-256 of its SubjectPublicKeyInfo, in hex (derived, so nobody configures it).</summary>
    public static string KeyIdOf(AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..8]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, key) in _signing)
            key.Dispose();
        Encryption?.Dispose();
    }

    static byte[] Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException exception)
        {
            throw new FormatException("a key is not base64", exception);
        }
    }

    static void RequireP256(ECParameters key)
    {
        if (key.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            throw new FormatException($"a key is not on P-256 (curve {key.Curve.Oid.FriendlyName ?? key.Curve.Oid.Value})");
    }
}
