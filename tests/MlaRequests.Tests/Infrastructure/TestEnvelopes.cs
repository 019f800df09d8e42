using System.Collections.Concurrent;
using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Node.Delivery;
using NodaTime;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>Envelopes as a peer node would send them: sealed for the recipient's test key and signed with the sender's.</summary>
public static class TestEnvelopes
{
    /// <summary>What each sealed payload made here holds, so a test can change a header field and seal it again.</summary>
    static readonly ConcurrentDictionary<string, string> Plaintexts = new(StringComparer.Ordinal);

    public static CrossBorderEnvelope Signed(string from, string to, object contract, Instant at, Guid? messageId = null) =>
        SealAndSign(from, Unsigned(from, to, contract, at, messageId));

    /// <summary>
    /// <paramref name="contract"/> in an envelope as a peer of this release sends it: the version its contract needs, and the
    /// sender's own (this release's) version, which is signed with the envelope.
    /// </summary>
    public static CrossBorderEnvelope Unsigned(string from, string to, object contract, Instant at, Guid? messageId = null) =>
        new(messageId ?? NewId.NextGuid(), from, to, DeliveryStates.MessageKind, contract.GetType().Name,
            contract is DeliveryReceipt ? 1 : CrossBorderContracts.VersionOf(contract.GetType()),
            contract is DeliveryReceipt receipt ? receipt.MessageId : CrossBorderContracts.CorrelationOf(contract), at,
            CrossBorderContracts.Serialize(contract), null, SenderVersion: CrossBorderContracts.Version);

    /// <summary>
    /// <paramref name="envelope"/> (fields changed after signing) sealed and signed again with <paramref name="from"/>'s keys:
    /// a payload sealed here is sealed again under the new header, a payload a test put in is sealed as it is.
    /// </summary>
    public static CrossBorderEnvelope Resign(string from, CrossBorderEnvelope envelope)
    {
        if (envelope.Seal is null)
        {
            using var key = TestKeys.Signing(from);
            return EnvelopeSigner.SignWith(key, envelope with { Signature = null });
        }
        var plain = envelope with
        {
            Payload = Plaintexts.GetValueOrDefault(envelope.Payload, envelope.Payload), Seal = null, SignerKeyId = null, RecipientKeyId = null,
            EphemeralKey = null, Signature = null,
        };
        return SealAndSign(from, plain);
    }

    /// <summary><paramref name="plain"/> sealed for its recipient's encryption key and signed with <paramref name="from"/>'s signing key.</summary>
    public static CrossBorderEnvelope SealAndSign(string from, CrossBorderEnvelope plain)
    {
        using var signing = TestKeys.Signing(from);
        using var recipient = TestKeys.Encryption(plain.To);
        var sealedEnvelope = EnvelopeSeal.Seal(plain, recipient, PeerKeys.KeyIdOf(recipient), PeerKeys.KeyIdOf(signing));
        Plaintexts[sealedEnvelope.Payload] = plain.Payload;
        return EnvelopeSigner.SignWith(signing, sealedEnvelope);
    }

    /// <summary>Sends <paramref name="envelope"/> to <paramref name="node"/>'s inbound queue, as the broker would deliver it.</summary>
    public static async Task DeliverAsync(NodeFactory node, CrossBorderEnvelope envelope)
    {
        // To the inbound exchange, as a peer sends: a send to "queue:" would declare the queue with other arguments than the
        // node's quorum queue, which RabbitMQ refuses, and the send would then never complete.
        var endpoint = await node.Bus.GetSendEndpoint(new Uri($"exchange:{node.Code.ToLowerInvariant()}-inbound"));
        await endpoint.Send(envelope).WaitAsync(TestTimeouts.Send);
    }
}
