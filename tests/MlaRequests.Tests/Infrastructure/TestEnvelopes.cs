using System.Security.Cryptography;
using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Node.Delivery;
using NodaTime;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>Envelopes as a peer node would send them, signed with that peer's test key.</summary>
public static class TestEnvelopes
{
    public static CrossBorderEnvelope Signed(string from, string to, object contract, Instant at, Guid? messageId = null)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(TestKeys.PrivateKeyOf(from)), out _);
        return EnvelopeSigner.SignWith(key, Unsigned(from, to, contract, at, messageId));
    }

    public static CrossBorderEnvelope Unsigned(string from, string to, object contract, Instant at, Guid? messageId = null) =>
        new(messageId ?? NewId.NextGuid(), from, to, DeliveryStates.MessageKind, contract.GetType().Name, CrossBorderContracts.Version,
            contract is DeliveryReceipt receipt ? receipt.MessageId : CrossBorderContracts.CorrelationOf(contract), at,
            CrossBorderContracts.Serialize(contract), null);

    /// <summary><paramref name="envelope"/> (fields changed after signing) signed again with <paramref name="from"/>'s key.</summary>
    public static CrossBorderEnvelope Resign(string from, CrossBorderEnvelope envelope)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(TestKeys.PrivateKeyOf(from)), out _);
        return EnvelopeSigner.SignWith(key, envelope with { Signature = null });
    }

    /// <summary>Sends <paramref name="envelope"/> to <paramref name="node"/>'s inbound queue, as the broker would deliver it.</summary>
    public static async Task DeliverAsync(NodeFactory node, CrossBorderEnvelope envelope)
    {
        var endpoint = await node.Bus.GetSendEndpoint(new Uri($"queue:{node.Code.ToLowerInvariant()}-inbound"));
        await endpoint.Send(envelope);
    }
}
