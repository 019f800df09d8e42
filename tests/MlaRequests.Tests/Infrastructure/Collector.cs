using System.Collections.Concurrent;
using MassTransit;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>Collects messages of one type published or sent on a node's bus.</summary>
public static class Collector
{
    /// <summary>Subscribes a fresh endpoint to <typeparamref name="T"/> (published messages).</summary>
    public static Task<ConcurrentQueue<T>> PublishedAsync<T>(NodeFactory node)
        where T : class => ListenAsync<T>(node, $"test-{typeof(T).Name}-{Guid.NewGuid():N}");

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
