using System.Diagnostics;
using System.Threading.Channels;
using MlaRequests.Benchmarks.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace MlaRequests.Benchmarks.References;

/// <summary>
/// RabbitMQ alone, with the node's settings: a durable quorum queue, persistent messages, publisher confirms, manual acks.
/// </summary>
static class RawRabbit
{
    static readonly Dictionary<string, object?> Quorum = new() { ["x-queue-type"] = "quorum" };
    static readonly byte[] Body = new byte[512];

    /// <summary>Publish → consume latency of one persistent message at a time (publisher and consumer on separate connections), in ms.</summary>
    public static async Task<List<double>> RoundTripsAsync(Broker broker, string vhost, int samples)
    {
        await using var publisherConnection = await broker.ConnectAsync(vhost);
        await using var consumerConnection = await broker.ConnectAsync(vhost);
        await using var publisher = await publisherConnection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await using var consumer = await consumerConnection.CreateChannelAsync();
        var queue = $"raw-roundtrip-{Guid.NewGuid():N}";
        await consumer.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: Quorum);
        await consumer.BasicQosAsync(0, 16, false);
        var arrived = Channel.CreateUnbounded<long>();
        var handler = new AsyncEventingBasicConsumer(consumer);
        handler.ReceivedAsync += async (_, delivery) =>
        {
            var now = Stopwatch.GetTimestamp();
            await consumer.BasicAckAsync(delivery.DeliveryTag, false);
            await arrived.Writer.WriteAsync(now);
        };
        await consumer.BasicConsumeAsync(queue, autoAck: false, handler);

        var properties = new BasicProperties { Persistent = true };
        var latencies = new List<double>();
        for (var i = 0; i < samples + 20; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            await publisher.BasicPublishAsync(string.Empty, queue, true, properties, Body);
            var received = await arrived.Reader.ReadAsync();
            if (i >= 20)
                latencies.Add(Stopwatch.GetElapsedTime(sent, received).TotalMilliseconds);
        }
        await consumer.QueueDeleteAsync(queue);
        return latencies;
    }

    /// <summary>Persistent messages published with confirms, many in flight (pipelined), per second.</summary>
    public static async Task<double> ConfirmedPublishRateAsync(Broker broker, string vhost, int messages)
    {
        await using var connection = await broker.ConnectAsync(vhost);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var queue = $"raw-publish-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: Quorum);
        var properties = new BasicProperties { Persistent = true };
        var clock = Stopwatch.StartNew();
        const int window = 256;
        var inFlight = new List<Task>(window);
        for (var i = 0; i < messages; i++)
        {
            inFlight.Add(channel.BasicPublishAsync(string.Empty, queue, true, properties, Body).AsTask());
            if (inFlight.Count == window)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }
        await Task.WhenAll(inFlight);
        var rate = messages / clock.Elapsed.TotalSeconds;
        await channel.QueueDeleteAsync(queue);
        return rate;
    }
}
