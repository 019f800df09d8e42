using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MlaRequests.Contracts;
using NodaTime.Text;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// Seals an envelope's contract for the receiving node only: a fresh ephemeral P-256 key per message agrees a secret with
/// the recipient's encryption key (ECDH), HKDF-SHA256 turns it into a one-message AES-256-GCM key, and the header (ids,
/// sender, recipient, kind, contract and version, sent-at, key ids, the ephemeral key) is the associated data, so a
/// ciphertext moved under another header does not open. The broker and anyone bound to an inbound exchange see the
/// header, never the content. The sender signs the sealed envelope afterwards (<see cref="EnvelopeSigner"/>): the border
/// checks who signed before it spends an ECDH on anything, and since the sender is in the associated data a peer that
/// re-signs someone else's ciphertext as its own gets a payload that does not open.
/// </summary>
public static class EnvelopeSeal
{
    /// <summary>The one sealing scheme this release speaks (the envelope's <c>Seal</c> field).</summary>
    public const string Scheme = "ecdh-p256+hkdf-sha256+a256gcm";

    const int NonceSize = 12;
    const int TagSize = 16;
    const int KeySize = 32;
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary><paramref name="envelope"/> with its payload sealed for <paramref name="recipient"/> (its key id <paramref name="recipientKeyId"/>), unsigned.</summary>
    public static CrossBorderEnvelope Seal(CrossBorderEnvelope envelope, ECDiffieHellman recipient, string recipientKeyId, string signerKeyId)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(recipient);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var header = envelope with
        {
            Seal = Scheme, SignerKeyId = signerKeyId, RecipientKeyId = recipientKeyId, Signature = null,
            EphemeralKey = Convert.ToBase64String(ephemeral.ExportSubjectPublicKeyInfo()),
        };
        var plaintext = Encoding.UTF8.GetBytes(envelope.Payload);
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var recipientPublic = recipient.PublicKey;
        using var aes = new AesGcm(DeriveKey(ephemeral, recipientPublic, header), TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), Header(header));
        return header with { Payload = Convert.ToBase64String(sealedBytes) };
    }

    /// <summary>Why <paramref name="envelope"/> does not open with <paramref name="recipient"/>, or null with the contract's JSON in <paramref name="payload"/>.</summary>
    public static string? Open(CrossBorderEnvelope envelope, ECDiffieHellman recipient, out string payload)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(recipient);
        payload = string.Empty;
        if (envelope.Seal != Scheme)
            return $"unopenable: unknown seal '{envelope.Seal}' (this node opens {Scheme})";
        byte[] sealedBytes, ephemeralKey;
        try
        {
            sealedBytes = Convert.FromBase64String(envelope.Payload);
            ephemeralKey = Convert.FromBase64String(envelope.EphemeralKey ?? string.Empty);
        }
        catch (FormatException)
        {
            return "malformed: the sealed payload or the ephemeral key is not base64";
        }
        if (sealedBytes.Length < NonceSize + TagSize)
            return "malformed: the sealed payload is too short";
        using var ephemeral = ECDiffieHellman.Create();
        try
        {
            ephemeral.ImportSubjectPublicKeyInfo(ephemeralKey, out _);
            if (ephemeral.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
                return "malformed: the ephemeral key is not a P-256 key";
            var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
            using var ephemeralPublic = ephemeral.PublicKey;
            using var aes = new AesGcm(DeriveKey(recipient, ephemeralPublic, envelope), TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length),
                plaintext, Header(envelope));
            payload = StrictUtf8.GetString(plaintext);
            return null;
        }
        catch (AuthenticationTagMismatchException)
        {
            return "unopenable: the sealed payload does not open (tampered with, its header changed, or sealed with another key)";
        }
        catch (CryptographicException exception)
        {
            return $"malformed: the ephemeral key does not read ({exception.Message})";
        }
        catch (DecoderFallbackException)
        {
            return "malformed: the sealed payload is not UTF-8";
        }
    }

    /// <summary>The header bytes: every field but the payload and the signature, one per line (the associated data, and what the signature covers before the payload).</summary>
    public static byte[] Header(CrossBorderEnvelope e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Encoding.UTF8.GetBytes(string.Join('\n', e.MessageId.ToString("D"), e.From, e.To, e.Kind, e.ContractType,
            e.ContractVersion.ToString(CultureInfo.InvariantCulture), e.CorrelationId.ToString("D"), InstantPattern.ExtendedIso.Format(e.SentAt),
            e.Seal, e.SignerKeyId, e.RecipientKeyId, e.EphemeralKey));
    }

    /// <summary>HKDF-SHA256 of the ECDH secret, bound to the scheme, the ephemeral key and the recipient's key id.</summary>
    static byte[] DeriveKey(ECDiffieHellman own, ECDiffieHellmanPublicKey other, CrossBorderEnvelope header)
    {
        var secret = own.DeriveRawSecretAgreement(other);
        try
        {
            var info = Encoding.UTF8.GetBytes($"{Scheme}\n{header.EphemeralKey}\n{header.RecipientKeyId}");
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, KeySize, salt: [], info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
