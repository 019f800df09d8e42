using System.Collections.Concurrent;
using MassTransit;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>Collects messages of one type published or sent on a node's bus.</summary>
public static class Collector
{
    /// <summary>Subscribes a fresh endpoint to <typeparamref name="T"/> (published messages).</summary>
    public static Task<ConcurrentQueue<T>> PublishedAsync<T>(NodeFactory node)
        where T : class => ListenAsync<T>(node, $"test-{typeof(T).Name}-{Guid.NewGuid():N}");

    /// <summary>
    /// As <see cref="PublishedAsync{T}"/>, keyed by MessageId: what a receiver applies. The outbox delivers at least once: when
    /// two dispatch rounds overlap (a test's explicit round and the node's own) a row can go out twice under its same
    /// MessageId, and receivers' inboxes drop the copy; a message counted here twice is a second message, not a copy.
    /// </summary>
    public static async Task<ConcurrentDictionary<Guid, T>> AppliedAsync<T>(NodeFactory node)
        where T : class
    {
        var received = new ConcurrentDictionary<Guid, T>();
        var handle = node.Bus.ConnectReceiveEndpoint($"test-{typeof(T).Name}-{Guid.NewGuid():N}", e => e.Handler<T>(context =>
        {
            received.TryAdd(context.MessageId ?? throw new InvalidOperationException("A message without a MessageId"), context.Message);
            return Task.CompletedTask;
        }));
        await handle.Ready;
        return received;
    }

    /// <summary>Listens on queue <paramref name="queue"/> (e.g. another node's inbound queue on the in-memory bus).</summary>
    public static async Task<ConcurrentQueue<T>> ListenAsync<T>(NodeFactory node, string queue)
        where T : class
    {
        var received = new ConcurrentQueue<T>();
        var handle = node.Bus.ConnectReceiveEndpoint(queue, e => e.Handler<T>(context =>
        {
            received.Enqueue(context.Message);
            return Task.CompletedTask;
        }));
        await handle.Ready;
        return received;
    }
}
