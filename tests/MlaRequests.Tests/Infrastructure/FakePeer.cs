using System.Collections.Concurrent;
using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Node.Delivery;
using NodaTime;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// Another country's node as the node under test sees it over the bus: receives its envelopes on the
/// peer's inbound queue and, while <see cref="Answering"/>, returns a receipt sealed and signed with the peer's keys
/// (or, for a peer of the release before sealing, <see cref="OldRelease"/>: unsealed, signed the old way).
/// </summary>
public sealed class FakePeer
{
    readonly ConcurrentDictionary<Guid, int> _received = new();
    readonly ConcurrentQueue<CrossBorderEnvelope> _envelopes = new();

    public bool Answering { get; set; } = true;

    /// <summary>Envelope MessageIds received, with how many copies came.</summary>
    public IReadOnlyDictionary<Guid, int> Received => _received;

    /// <summary>The message envelopes received, as they came.</summary>
    public IReadOnlyCollection<CrossBorderEnvelope> Envelopes => _envelopes;

    public static async Task<FakePeer> StartAsync(NodeFactory node, string code, bool oldRelease = false)
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
                peer._envelopes.Enqueue(envelope);
                peer._received.AddOrUpdate(envelope.MessageId, 1, (_, n) => n + 1);
                if (!peer.Answering || (oldRelease && (envelope.ContractVersion != OldRelease.Version || !OldRelease.Verifies(envelope.From, envelope))))
                    return;
                var receipt = new DeliveryReceipt(envelope.MessageId, SystemClock.Instance.GetCurrentInstant());
                var answer = TestEnvelopes.Unsigned(code, envelope.From, receipt, receipt.ReceivedAt) with
                {
                    Kind = DeliveryStates.ReceiptKind, CorrelationId = envelope.MessageId,
                };
                await TestEnvelopes.DeliverAsync(node, oldRelease ? OldRelease.Sign(code, answer) : TestEnvelopes.SealAndSign(code, answer));
            });
        });
        await handle.Ready;
        return peer;
    }
}
