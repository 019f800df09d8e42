using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MlaRequests.Contracts;
using NodaTime.Text;

namespace MlaRequests.Node.Delivery;

/// <summary>Signs envelopes with this node's key and verifies them against the trust list.</summary>
public sealed class EnvelopeSigner(NodeKeys keys)
{
    /// <summary><paramref name="envelope"/> with this node's signature.</summary>
    public CrossBorderEnvelope Sign(CrossBorderEnvelope envelope) => SignWith(keys.Signing, envelope);

    /// <summary><paramref name="envelope"/> signed with <paramref name="key"/>.</summary>
    public static CrossBorderEnvelope SignWith(ECDsa key, CrossBorderEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(envelope);
        var signature = key.SignData(Canonical(envelope), HashAlgorithmName.SHA256);
        return envelope with { Signature = Convert.ToBase64String(signature) };
    }

    /// <summary>Why <paramref name="envelope"/> cannot be trusted, or null when its sender's key verifies it.</summary>
    public string? Problem(CrossBorderEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (string.IsNullOrWhiteSpace(envelope.Signature))
            return "unsigned";
        if (keys.TrustedKeyOf(envelope.From) is not { } key)
            return $"no trusted key for sender '{envelope.From}'";
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(envelope.Signature);
        }
        catch (FormatException)
        {
            return "forged: the signature is not base64";
        }
        return key.VerifyData(Canonical(envelope), signature, HashAlgorithmName.SHA256) ? null : "forged: the signature does not verify";
    }

    /// <summary>The bytes the signature covers: every field but the signature, one per line.</summary>
    static byte[] Canonical(CrossBorderEnvelope e) => Encoding.UTF8.GetBytes(string.Join('\n',
        e.MessageId.ToString("D"), e.From, e.To, e.Kind, e.ContractType, e.ContractVersion.ToString(CultureInfo.InvariantCulture),
        e.CorrelationId.ToString("D"), InstantPattern.ExtendedIso.Format(e.SentAt), e.Payload));
}
