using System.Collections.Concurrent;
using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Node.Delivery;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// Stands in for another country's node: listens on its inbound queue (only what is sent there, not
/// what is published on this node's bus), opens the sealed envelopes with that country's key and keeps each cross-border
/// message once (a resend carries the same envelope MessageId). Receipts are not kept.
/// </summary>
public sealed class SentToCountry
{
    readonly ConcurrentQueue<object> _received = new();
    readonly ConcurrentDictionary<Guid, byte> _seen = new();

    public IReadOnlyList<object> All => [.. _received];

    public static async Task<SentToCountry> ListenAsync(NodeFactory node, string country)
    {
        var listener = new SentToCountry();
        var handle = node.Bus.ConnectReceiveEndpoint($"{country.ToLowerInvariant()}-inbound", e =>
        {
            e.ConfigureConsumeTopology = false;
            e.Handler<CrossBorderEnvelope>(context =>
            {
                var envelope = context.Message;
                if (envelope.Kind == DeliveryStates.MessageKind && listener._seen.TryAdd(envelope.MessageId, 0)
                    && CrossBorderContracts.TypeOf(envelope.ContractType) is { } type
                    && Opened(envelope, country) is { } payload
                    && CrossBorderContracts.Deserialize(payload, type) is { } contract)
                    listener._received.Enqueue(contract);
                return Task.CompletedTask;
            });
        });
        await handle.Ready;
        return listener;
    }

    /// <summary>The messages about <paramref name="branchId"/> (the branch or incoming-case id).</summary>
    public IReadOnlyList<object> About(Guid branchId) => All.Where(m => BranchOf(m) == branchId).ToList();

    /// <summary>Waits for a <typeparamref name="T"/> about <paramref name="branchId"/>.</summary>
    public async Task<T> Receives<T>(Guid branchId, Func<T, bool>? matches = null)
        where T : class
    {
        await Eventually.Until(() => All.OfType<T>().Any(m => BranchOf(m) == branchId && (matches?.Invoke(m) ?? true)), TestTimeouts.Workflow,
            $"a {typeof(T).Name} about {branchId}");
        return All.OfType<T>().First(m => BranchOf(m) == branchId && (matches?.Invoke(m) ?? true));
    }

    /// <summary>The contract's JSON as the country would open it: sealed for its key, or as sent to a peer that does not seal.</summary>
    static string? Opened(CrossBorderEnvelope envelope, string country)
    {
        if (envelope.Seal is null)
            return envelope.Payload;
        using var key = TestKeys.Encryption(country);
        return EnvelopeSeal.Open(envelope, key, out var payload) is null ? payload : null;
    }

    static Guid? BranchOf(object message) => message.GetType().GetProperty("BranchId")?.GetValue(message) as Guid?;
}
