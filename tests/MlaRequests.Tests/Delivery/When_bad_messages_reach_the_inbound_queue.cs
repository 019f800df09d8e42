using System.Text;
using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Delivery;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;
using RabbitMQ.Client;

namespace MlaRequests.Tests.Delivery;

[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_bad_messages_reach_the_inbound_queue : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 4, 6, 5, 0));

    /// <summary>A contract unknown to every node.</summary>
    public sealed record NotAContract(Guid Id, string Text);

    [Fact]
    public async Task A_signed_request_whose_content_this_node_cannot_read_is_quarantined_not_retried()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        await using var node = new NodeFactory(_data.Path, _clock, RabbitBroker.Settings(virtualHost));
        _ = node.Services;
        var now = _clock.GetCurrentInstant();
        RequestTransmitted Request() => new(Guid.NewGuid(), Guid.NewGuid(), "KG-2026-000043", "KG", "KZ", "ClassicMla", "Untoc", false, false,
            RequestContentJson.Version, RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Untoc, "KZ")), "kg.liaison", now);

        var bus = await TestBus.StartAsync(virtualHost, "KZ");
        try
        {
            var inbound = await bus.GetSendEndpoint(new Uri("exchange:kz-inbound"));
            await inbound.Send(TestEnvelopes.Signed("KG", "KZ", Request() with { ToNode = "UZ" }, now));
            await inbound.Send(TestEnvelopes.Signed("KG", "KZ", Request() with { ContentVersion = RequestContentJson.Version + 8 }, now));
            await inbound.Send(TestEnvelopes.Signed("KG", "KZ", Request() with { LegalBasis = "Hearsay" }, now));
            await inbound.Send(TestEnvelopes.Signed("KG", "KZ", Request() with { ContentJson = "[1, 2" }, now));

            var reasons = await Eventually.Until(() => node.Query(db => Task.FromResult(db.QuarantinedMessages.Select(q => q.Reason).ToList())),
                q => q.Count >= 4, TestTimeouts.Delivery, "four quarantined requests");
            reasons.Should().HaveCount(4);
            reasons.Should().Contain("misaddressed: the request is for 'UZ', this is KZ");
            reasons.Should().Contain(r => r.StartsWith("unsupported content version", StringComparison.Ordinal));
            reasons.Should().Contain("unknown legal basis 'Hearsay'");
            reasons.Should().Contain(r => r.StartsWith("malformed request content", StringComparison.Ordinal));

            var good = Request();
            await inbound.Send(TestEnvelopes.Signed("KG", "KZ", good, now));
            await node.IncomingIn(good.BranchId, "Received");
            (await node.Query(db => Task.FromResult(db.IncomingCases.Count()))).Should().Be(1, "none of the unreadable requests was applied");
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Fact]
    public async Task Forged_unsigned_malformed_misaddressed_and_unknown_messages_are_quarantined_and_none_applied()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        await using var node = new NodeFactory(_data.Path, _clock, RabbitBroker.Settings(virtualHost));
        _ = node.Services;
        var now = _clock.GetCurrentInstant();
        RequestTransmitted Request() => new(Guid.NewGuid(), Guid.NewGuid(), "KG-2026-000042", "KG", "KZ", "ClassicMla", "Untoc", false, false,
            RequestContentJson.Version, RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Untoc, "KZ")), "kg.liaison", now);

        var bus = await TestBus.StartAsync(virtualHost, "KZ");
        try
        {
            var inbound = await bus.GetSendEndpoint(new Uri("exchange:kz-inbound"));
            var first = Request();
            await inbound.Send(TestEnvelopes.Signed("KG", "KZ", first, now));
            await node.IncomingIn(first.BranchId, "Received", TestTimeouts.Delivery);
            var forged = TestEnvelopes.Signed("TJ", "KZ", Request(), now) with { From = "KG" };
            await inbound.Send(TestEnvelopes.Unsigned("KG", "KZ", Request(), now));
            await inbound.Send(forged);
            await inbound.Send(TestEnvelopes.Signed("KG", "UZ", Request(), now));
            await inbound.Send(TestEnvelopes.Resign("KG", TestEnvelopes.Signed("KG", "KZ", Request(), now) with { ContractVersion = 7 }));
            await inbound.Send(TestEnvelopes.Resign("KG", TestEnvelopes.Signed("KG", "KZ", Request(), now) with { Payload = "{\"x\":1}" }));
            await inbound.Send(new NotAContract(Guid.NewGuid(), "hello"));
            await PublishRawAsync(virtualHost, "kz-inbound", "this is not JSON at all");

            List<QuarantinedMessage> quarantined;
            try
            {
                quarantined = await Eventually.Until(() => node.Query(db => Task.FromResult(db.QuarantinedMessages.ToList())), q => q.Count >= 7,
                    TestTimeouts.Delivery, "seven quarantined messages");
            }
            catch (TimeoutException timeout)
            {
                var seen = await node.Query(db => Task.FromResult(db.QuarantinedMessages.Select(q => q.Reason).ToList()));
                throw new Xunit.Sdk.XunitException($"{timeout.Message}: {string.Join(" | ", seen)}");
            }
            quarantined.Should().HaveCount(7, "each bad message is quarantined once");
            var reasons = quarantined.Select(q => q.Reason).ToList();
            reasons.Should().Contain("unsigned");
            reasons.Should().Contain("forged: the signature does not verify");
            reasons.Should().Contain(r => r.StartsWith("misaddressed", StringComparison.Ordinal));
            reasons.Should().Contain(r => r.StartsWith("unsupported version 7", StringComparison.Ordinal));
            reasons.Should().Contain(r => r.StartsWith("malformed", StringComparison.Ordinal));
            reasons.Should().Contain("no consumer for this message type");
            reasons.Should().Contain(r => r.StartsWith("unreadable", StringComparison.Ordinal));
            quarantined.Should().Contain(q => q.Body.Contains("this is not JSON at all"), "what arrived is kept as it came");

            var good = Request();
            await inbound.Send(TestEnvelopes.Signed("KG", "KZ", good, now));
            await node.IncomingIn(good.BranchId, "Received");
            (await node.Query(db => Task.FromResult(db.IncomingCases.Count()))).Should().Be(2, "none of the bad messages was applied");
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    static async Task PublishRawAsync(string virtualHost, string exchange, string body)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = RabbitBroker.Port, VirtualHost = virtualHost, UserName = RabbitBroker.Username, Password = RabbitBroker.Password };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync(exchange, string.Empty, mandatory: false, properties, Encoding.UTF8.GetBytes(body));
    }

    public void Dispose() => _data.Dispose();
}
