using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MlaRequests.Contracts;
using NodaTime.Text;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// What the release before sealing sends and reads, kept here as that release's code has it (not taken from the node's
/// code, which could drift): envelopes of ContractVersion 1 with the contract as readable JSON, signed over one line per
/// field. A node must keep verifying these from a peer whose trust entry has no encryption key, and keep sending them to it.
/// </summary>
public static class OldRelease
{
    /// <summary>The only contract version the old release reads; it quarantines any other.</summary>
    public const int Version = 1;

    /// <summary><paramref name="envelope"/> signed as the old release signs it.</summary>
    public static CrossBorderEnvelope Sign(string from, CrossBorderEnvelope envelope)
    {
        using var key = TestKeys.Signing(from);
        // That release has no SenderVersion field: it states no version, so it speaks 1.
        var old = envelope with { SenderVersion = null, VersionSignature = null };
        return old with { Signature = Convert.ToBase64String(key.SignData(Canonical(old), HashAlgorithmName.SHA256)) };
    }

    /// <summary>True when the old release, trusting <paramref name="from"/>'s signing key, accepts <paramref name="envelope"/>'s signature.</summary>
    public static bool Verifies(string from, CrossBorderEnvelope envelope)
    {
        using var key = TestKeys.Signing(from);
        return envelope.Signature is { } signature && key.VerifyData(Canonical(envelope), Convert.FromBase64String(signature), HashAlgorithmName.SHA256);
    }

    /// <summary>
    /// The envelope as the release before sealing defines it: a later release's extra fields (sealing, the sender's
    /// version) are not in it.
    /// </summary>
    public sealed record Envelope(Guid MessageId, string From, string To, string Kind, string ContractType, int ContractVersion, Guid CorrelationId,
        NodaTime.Instant SentAt, string Payload, string? Signature);

    /// <summary>
    /// True when <paramref name="envelope"/>, as JSON on the wire, reads as that release's envelope (its serializer, like
    /// System.Text.Json's default, skips members it does not have) with every field it has intact.
    /// </summary>
    public static bool Reads(CrossBorderEnvelope envelope)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(envelope, MlaRequests.Engine.Outbox.MessageJson.Options);
        var old = System.Text.Json.JsonSerializer.Deserialize<Envelope>(json, MlaRequests.Engine.Outbox.MessageJson.Options);
        return old == new Envelope(envelope.MessageId, envelope.From, envelope.To, envelope.Kind, envelope.ContractType, envelope.ContractVersion,
            envelope.CorrelationId, envelope.SentAt, envelope.Payload, envelope.Signature);
    }

    static byte[] Canonical(CrossBorderEnvelope e) => Encoding.UTF8.GetBytes(string.Join('\n',
        e.MessageId.ToString("D"), e.From, e.To, e.Kind, e.ContractType, e.ContractVersion.ToString(CultureInfo.InvariantCulture),
        e.CorrelationId.ToString("D"), InstantPattern.ExtendedIso.Format(e.SentAt), e.Payload));
}
