using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MlaRequests.Contracts;
using NodaTime.Text;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// Seals envelopes for their recipient and signs them with this node's key; verifies and opens what arrives against the
/// trust list. The order is seal, then sign header and ciphertext: the border rejects anything its trusted sender did not
/// sign before it decrypts a byte. A peer whose trust entry has no encryption key is not yet sealing (a release behind):
/// it is sent and may send unsealed envelopes; from a peer that seals, an unsealed envelope is refused (no downgrade).
/// </summary>
public sealed class EnvelopeSigner(NodeKeys keys)
{
    /// <summary><paramref name="envelope"/> (its payload the contract's JSON) sealed for its recipient when it seals, and signed.</summary>
    public CrossBorderEnvelope SealAndSign(CrossBorderEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return keys.TrustOf(envelope.To) is { Encryption: { } recipient, EncryptionKeyId: { } keyId }
            ? Sign(EnvelopeSeal.Seal(envelope, recipient, keyId, keys.SigningKeyId))
            : Sign(envelope);
    }

    /// <summary><paramref name="envelope"/> with this node's signature.</summary>
    public CrossBorderEnvelope Sign(CrossBorderEnvelope envelope) => SignWith(keys.Signing, envelope);

    /// <summary>
    /// <paramref name="envelope"/> signed with <paramref name="key"/>; a stated <see cref="CrossBorderEnvelope.SenderVersion"/>
    /// is signed on its own (<see cref="CrossBorderEnvelope.VersionSignature"/>), so the main signature stays what releases
    /// before version 2 verify.
    /// </summary>
    public static CrossBorderEnvelope SignWith(ECDsa key, CrossBorderEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(envelope);
        var canonical = Canonical(envelope);
        var signature = key.SignData(canonical, HashAlgorithmName.SHA256);
        var version = envelope.SenderVersion is { } speaks ? Convert.ToBase64String(key.SignData(VersionCanonical(canonical, speaks), HashAlgorithmName.SHA256)) : null;
        return envelope with { Signature = Convert.ToBase64String(signature), VersionSignature = version };
    }

    /// <summary>
    /// The contract version the sender of <paramref name="envelope"/> (its signature already verified by <see cref="Problem"/>)
    /// speaks: 1 when it states none (a release before version 2), the stated version when its own signature verifies with
    /// one of the sender's trusted keys, null when the statement does not verify (it is then ignored).
    /// </summary>
    public int? SenderVersionOf(CrossBorderEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.SenderVersion is not { } speaks)
            return 1;
        if (speaks < 1 || keys.TrustOf(envelope.From) is not { } peer || string.IsNullOrEmpty(envelope.VersionSignature))
            return null;
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(envelope.VersionSignature);
        }
        catch (FormatException)
        {
            return null;
        }
        var signed = VersionCanonical(Canonical(envelope), speaks);
        return peer.Signing.Any(k => k.Key.VerifyData(signed, signature, HashAlgorithmName.SHA256)) ? speaks : null;
    }

    static byte[] VersionCanonical(byte[] canonical, int version) =>
        [.. canonical, .. Encoding.UTF8.GetBytes($"\nspeaks contract version {version.ToString(CultureInfo.InvariantCulture)}")];

    /// <summary>Why <paramref name="envelope"/> cannot be trusted, or null when one of its sender's trusted keys verifies it.</summary>
    public string? Problem(CrossBorderEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (string.IsNullOrWhiteSpace(envelope.Signature))
            return "unsigned";
        if (keys.TrustOf(envelope.From) is not { } peer)
            return $"no trusted key for sender '{envelope.From}'";
        // The key id picks the key; one the trust list does not have is no excuse to skip the others (the signature decides).
        var candidates = peer.Signing.Where(k => k.Id == envelope.SignerKeyId).ToList() is { Count: > 0 } named ? named : [.. peer.Signing];
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(envelope.Signature);
        }
        catch (FormatException)
        {
            return "forged: the signature is not base64";
        }
        var canonical = Canonical(envelope);
        return candidates.Any(k => k.Key.VerifyData(canonical, signature, HashAlgorithmName.SHA256)) ? null : "forged: the signature does not verify";
    }

    /// <summary>Why <paramref name="envelope"/> (its signature verified) does not open, or null with the contract's JSON in <paramref name="payload"/>.</summary>
    public string? Open(CrossBorderEnvelope envelope, out string payload)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        payload = envelope.Payload;
        if (envelope.Seal is null)
            return keys.Seals(envelope.From) ? $"unsealed: {envelope.From} seals what it sends (its trust entry has an encryption key)" : null;
        if (keys.DecryptionKey(envelope.RecipientKeyId ?? string.Empty) is not { } key)
            return $"unopenable: sealed for key '{envelope.RecipientKeyId}', which this node does not hold";
        return EnvelopeSeal.Open(envelope, key, out payload);
    }

    /// <summary>
    /// The bytes the signature covers. Unsealed: every field but the signature, one per line, exactly as releases before
    /// sealing sign and verify. Sealed: the sealed header (<see cref="EnvelopeSeal.Header"/>) and the ciphertext.
    /// </summary>
    static byte[] Canonical(CrossBorderEnvelope e) => e.Seal is null
        ? Encoding.UTF8.GetBytes(string.Join('\n', e.MessageId.ToString("D"), e.From, e.To, e.Kind, e.ContractType,
            e.ContractVersion.ToString(CultureInfo.InvariantCulture), e.CorrelationId.ToString("D"), InstantPattern.ExtendedIso.Format(e.SentAt), e.Payload))
        : [.. EnvelopeSeal.Header(e), (byte)'\n', .. Encoding.UTF8.GetBytes(e.Payload)];
}
