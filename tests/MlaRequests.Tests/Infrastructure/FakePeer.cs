using System.Collections.Concurrent;
using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Node.Delivery;
using NodaTime;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// Another country's node as the node under test sees it over the bus: receives its envelopes on the
/// peer's inbound queue and, while <see cref="Answering"/>, returns a receipt signed with the peer's key.
/// </summary>
public sealed class FakePeer
{
    readonly ConcurrentDictionary<Guid, int> _received = new();

    public bool Answering { get; set; } = true;

    /// <summary>Envelope MessageIds received, with how many copies came.</summary>
    public IReadOnlyDictionary<Guid, int> Received => _received;

    public static async Task<FakePeer> StartAsync(NodeFactory node, string code)
    {
        var peer = new FakePeer();
        var handle = node.Bus.ConnectReceiveEndpoint($"{code.ToLowerInvariant()}-inbound", e =>
        {
            e.ConfigureConsumeTopology = false;
            e.Handler<CrossBorderEnvelope>(async context =>
            {
                var envelope = context.Message;
                if (envelope.Kind != DeliveryStates.MessageKind)
                    return;
                peer._received.AddOrUpdate(envelope.MessageId, 1, (_, n) => n + 1);
                if (!peer.Answering)
                    return;
                var receipt = new DeliveryReceipt(envelope.MessageId, SystemClock.Instance.GetCurrentInstant());
                var signed = TestEnvelopes.Signed(code, envelope.From, receipt, receipt.ReceivedAt) with
                {
                    Kind = DeliveryStates.ReceiptKind, CorrelationId = envelope.MessageId,
                };
                await TestEnvelopes.DeliverAsync(node, TestEnvelopes.Resign(code, signed));
            });
        });
        await handle.Ready;
        return peer;
    }
}
