using System.Collections.Concurrent;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// The broker queues this node declares, recorded while its endpoints are configured, and where a message ends when it
/// keeps failing: each endpoint's MassTransit <c>_error</c> and <c>_skipped</c> queues, and the inbound queue's dead-letter
/// queue. Read by <see cref="Health.QueueDepths"/> so an administrator sees what waits there.
/// </summary>
public sealed class NodeQueues
{
    readonly ConcurrentDictionary<string, byte> _endpoints = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte> _deadLetters = new(StringComparer.Ordinal);

    /// <summary>Records a receive endpoint's queue.</summary>
    public void Endpoint(string queue) => _endpoints.TryAdd(queue, 0);

    /// <summary>Records a dead-letter queue (itself an endpoint: its messages are read into quarantine).</summary>
    public void DeadLetter(string queue) => _deadLetters.TryAdd(queue, 0);

    /// <summary>The queues where failed messages wait for a person: every endpoint's error and skipped queues, and the dead-letter queues.</summary>
    public IReadOnlyList<string> LastStops =>
    [
        .. _endpoints.Keys.Concat(_deadLetters.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).SelectMany(q => new[] { $"{q}_error", $"{q}_skipped" }),
        .. _deadLetters.Keys.Order(StringComparer.Ordinal),
    ];
}
