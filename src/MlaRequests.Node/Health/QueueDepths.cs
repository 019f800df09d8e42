using MlaRequests.Node.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MlaRequests.Node.Health;

/// <summary>
/// How many messages wait in this node's error, skipped and dead-letter queues, asked of the broker with a passive queue
/// declare (which creates nothing; a queue that was never declared holds nothing). Read at most every few seconds, on a
/// connection of its own, so readiness probes do not hammer the broker. Empty on the in-memory transport.
/// </summary>
public sealed class QueueDepths(RabbitMqOptions rabbit, NodeQueues queues, ILogger<QueueDepths> logger)
{
    static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);
    readonly SemaphoreSlim _reading = new(1, 1);
    (long At, IReadOnlyList<(string Queue, long Messages)>? Depths)? _last;

    /// <summary>The last-stop queues holding messages, with how many; null when the broker cannot be asked.</summary>
    public async Task<IReadOnlyList<(string Queue, long Messages)>?> WaitingAsync(CancellationToken ct)
    {
        if (!rabbit.IsConfigured)
            return [];
        await _reading.WaitAsync(ct);
        try
        {
            if (_last is { } last && Environment.TickCount64 - last.At < Fresh.TotalMilliseconds)
                return last.Depths;
            IReadOnlyList<(string Queue, long Messages)>? depths;
            try
            {
                depths = await ReadAsync(ct);
            }
            catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or IOException or TimeoutException
                                                  || (exception is OperationCanceledException && !ct.IsCancellationRequested))
            {
                logger.LogDebug(exception, "Queue depths could not be read");
                depths = null;
            }
            _last = (Environment.TickCount64, depths); // a dark broker is not asked again on every probe either
            return depths;
        }
        finally
        {
            _reading.Release();
        }
    }

    async Task<IReadOnlyList<(string Queue, long Messages)>> ReadAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var depths = new List<(string, long)>();
        foreach (var virtualHost in queues.LastStops.GroupBy(q => q.VirtualHost, StringComparer.Ordinal))
        {
            var factory = BrokerConnections.Factory(rabbit, virtualHost.Key, "queue-depths");
            factory.RequestedConnectionTimeout = TimeSpan.FromSeconds(3);
            await using var connection = await factory.CreateConnectionAsync(timeout.Token);
            IChannel? channel = null;
            try
            {
                foreach (var (queue, _) in virtualHost)
                {
                    channel ??= await connection.CreateChannelAsync(cancellationToken: timeout.Token);
                    try
                    {
                        var declared = await channel.QueueDeclarePassiveAsync(queue, timeout.Token);
                        if (declared.MessageCount > 0)
                            depths.Add((queue, declared.MessageCount));
                    }
                    catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
                    {
                        await channel.DisposeAsync(); // a 404 closes the channel: the next queue gets a new one
                        channel = null;
                    }
                }
            }
            finally
            {
                if (channel is not null)
                    await channel.DisposeAsync();
            }
        }
        return depths;
    }
}
