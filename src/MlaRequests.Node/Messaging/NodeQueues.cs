using System.Collections.Concurrent;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// The broker queues this node declares, recorded while its endpoints are configured, and where a message ends when it
/// keeps failing: each endpoint's MassTransit <c>_error</c> and <c>_skipped</c> queues, and the inbound queue's dead-letter
/// queue. Read by <see cref="Health.QueueDepths"/> so an administrator sees what waits there.
/// </summary>
public sealed class NodeQueues
{
    readonly ConcurrentDictionary<string, string> _endpoints = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string> _deadLetters = new(StringComparer.Ordinal);

    /// <summary>Records a receive endpoint's queue and the virtual host it lives in (the border's, or the node's own).</summary>
    public void Endpoint(string queue, string virtualHost) => _endpoints.TryAdd(queue, virtualHost);

    /// <summary>Records a dead-letter queue (itself an endpoint: its messages are read into quarantine).</summary>
    public void DeadLetter(string queue, string virtualHost) => _deadLetters.TryAdd(queue, virtualHost);

    /// <summary>
    /// The queues where failed messages wait for a person, each with its virtual host: every endpoint's error and skipped
    /// queues, and the dead-letter queues.
    /// </summary>
    public IReadOnlyList<(string Queue, string VirtualHost)> LastStops =>
    [
        .. _endpoints.Concat(_deadLetters).DistinctBy(q => q.Key, StringComparer.Ordinal).OrderBy(q => q.Key, StringComparer.Ordinal)
            .SelectMany(q => new[] { ($"{q.Key}_error", q.Value), ($"{q.Key}_skipped", q.Value) }),
        .. _deadLetters.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => (q.Key, q.Value)),
    ];
}
