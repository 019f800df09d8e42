using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlaRequests.Contracts;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;
using RabbitMQ.Client;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// Bytes published straight to KZ's inbound exchange, as anyone with broker access could: invalid UTF-8, binary, empty,
/// 2 MB, JSON that is no envelope, an envelope of nulls. Each is quarantined exactly once and acknowledged; nothing loops
/// (the queues end empty, the quarantine and the log stop growing), and the node stays ready. A message that keeps failing
/// in a workflow endpoint ends in its error queue, where the administrator's quarantine view and readiness name it.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_junk_reaches_the_inbound_queue : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 4, 6, 5, 0));
    readonly CountingLogs _logs = new();

    [Fact]
    public async Task Every_body_is_quarantined_once_and_nothing_loops()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        await using var node = new NodeFactory(_data.Path, _clock, RabbitBroker.Settings(virtualHost),
            testServices: s => s.AddSingleton<ILoggerProvider>(_logs));
        _ = node.Services;
        var random = new Random(12);
        var binary = new byte[1024];
        random.NextBytes(binary);
        var envelopeOfNulls = Guid.NewGuid();
        var bodies = new Dictionary<string, byte[]>
        {
            ["invalid UTF-8"] = [0x7B, 0x22, 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0x22, 0x7D],
            ["binary"] = binary,
            ["empty"] = [],
            ["2 MB"] = Encoding.ASCII.GetBytes(new string('A', 2 * 1024 * 1024)),
            ["not an envelope"] = Encoding.UTF8.GetBytes("{\"hello\":\"world\"}"),
            ["envelope of nulls"] = Encoding.UTF8.GetBytes($$$"""
                {"messageId":"{{{envelopeOfNulls}}}","messageType":["urn:message:MlaRequests.Contracts:CrossBorderEnvelope"],
                 "message":{"messageId":null,"from":null,"to":null,"kind":null,"contractType":null,"contractVersion":null,"correlationId":null,
                 "sentAt":null,"payload":null,"signature":null}}
                """),
        };

        foreach (var body in bodies.Values)
            await PublishRawAsync(virtualHost, "kz-inbound", body);

        var count = () => node.Query(db => db.QuarantinedMessages.CountAsync());
        await Eventually.Until(count, n => n >= bodies.Count, TestTimeouts.Bulk, $"{bodies.Count} quarantined messages");
        await Eventually.Until(() => DepthAsync(virtualHost, "kz-inbound"), d => d == 0, TestTimeouts.Delivery, "the inbound queue to be empty");
        var logged = _logs.Count;
        await Consistently.For(TimeSpan.FromSeconds(3), async () => await count() == bodies.Count && _logs.Count == logged,
            "the quarantine and the log to stay as they are (nothing redelivered, nothing looping)");

        (await count()).Should().Be(bodies.Count, "each body is quarantined exactly once");
        logged.Should().BeLessThan(bodies.Count * 4, "a failure is logged once, not per delivery");
        (await DepthAsync(virtualHost, "kz-inbound-dead")).Should().Be(0);
        var stored = await node.Query(db => db.QuarantinedMessages.ToListAsync());
        stored.Should().OnlyContain(q => q.BodyBytes != null && q.Body.Length <= 64 * 1024 * 4 / 3 + 16, "every body is kept within the cap");
        stored.Should().Contain(q => q.BodyBytes == 2 * 1024 * 1024, "the size of what arrived is kept even when the body is not");
        var ready = await node.CreateClient().GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_message_that_keeps_failing_in_a_workflow_endpoint_is_shown_to_the_administrator()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        await using var node = new NodeFactory(_data.Path, _clock, RabbitBroker.Settings(virtualHost));
        _ = node.Services;

        // A confirmation for a milestone of a branch this node does not have: the milestone consumer fails it at once.
        await node.Bus.Publish(new MilestoneConfirmed(Guid.NewGuid(), Guid.NewGuid(), "KG", "kg.prosecutor", _clock.GetCurrentInstant()));

        var admin = await node.LoginAsync("kz.admin");
        var waiting = await Eventually.Until(async () => (await admin.GetAsync("/api/quarantine")).GetProperty("waiting"),
            w => w.ValueKind == System.Text.Json.JsonValueKind.Array && w.GetArrayLength() > 0, TestTimeouts.Bulk, "a queue with a waiting message");
        waiting[0].GetProperty("queue").GetString().Should().EndWith("_error");
        waiting[0].GetProperty("messages").GetInt64().Should().Be(1);
        var ready = await (await node.CreateClient().GetAsync("/health/ready")).Content.ReadAsStringAsync();
        ready.Should().Contain($"{waiting[0].GetProperty("queue").GetString()}: 1", "readiness names the queue where the message waits");
    }

    static async Task PublishRawAsync(string virtualHost, string exchange, byte[] body)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = RabbitBroker.Port, VirtualHost = virtualHost, UserName = RabbitBroker.Username, Password = RabbitBroker.Password };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync(exchange, string.Empty, mandatory: false, properties, body);
    }

    static async Task<uint> DepthAsync(string virtualHost, string queue)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = RabbitBroker.Port, VirtualHost = virtualHost, UserName = RabbitBroker.Username, Password = RabbitBroker.Password };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // never declared: nothing waits there
        }
    }

    public void Dispose() => _data.Dispose();

    /// <summary>Counts the node's log entries of level Warning and above.</summary>
    sealed class CountingLogs : ILoggerProvider
    {
        readonly ConcurrentQueue<string> _entries = new();

        public int Count => _entries.Count;

        public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName);

        public void Dispose()
        {
        }

        sealed class Counter(CountingLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                    logs._entries.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
