using System.Text;
using MlaRequests.Domain;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Requests;
using NodaTime;
using NodaTime.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// The region's broker layout (scripts/broker.sh accounts, which the region command runs): an account per node, the
/// node's internal traffic in a virtual host of its own, the inbound queues in a shared border virtual host where a node
/// may configure and read only its own inbound objects and write only to the others' inbound exchanges. Before it, one
/// account with every right let a message published straight to KG's internal exchange approve a KG request.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_node_s_broker_account_reaches_for_another_node_s_traffic : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 9, 14, 4, 0));

    [Fact]
    public async Task The_broker_refuses_everything_but_writing_to_the_other_node_s_inbound_exchange()
    {
        var region = await RabbitBroker.CreateRegionAsync(Path.Combine(_data.Path, "secrets"), "KZ", "KG");
        await using var kg = new NodeFactory(Path.Combine(_data.Path, "kg"), _clock, region.Settings["KG"], "KG");
        _ = kg.Services; // KG is up: its exchanges and queues are declared
        var internalExchange = $"kg.{typeof(ApproveRequest).Namespace}:{nameof(ApproveRequest)}";
        (await RabbitBroker.Ctl("list_exchanges", "-q", "-p", region.VirtualHostOf("KG"), "name")).Should().Contain(internalExchange);
        var kz = region.Settings["KZ"];

        (await RefusalAsync(Factory(kz, region.VirtualHostOf("KG")))).Should().Contain("access to vhost",
            "KZ's account has no right at all in KG's own virtual host: neither its internal exchanges nor its workflow queues");

        await using var border = await Factory(kz, region.BorderVirtualHost).CreateConnectionAsync();
        var refused = new (string What, Func<IChannel, Task> Act)[]
        {
            ("declare KG's internal exchange on the border", c => c.ExchangeDeclareAsync(internalExchange, ExchangeType.Fanout, durable: true)),
            ("consume KG's inbound queue", c => c.BasicConsumeAsync("kg-inbound", autoAck: true, new AsyncEventingBasicConsumer(c))),
            ("consume KG's dead-letter queue", c => c.BasicConsumeAsync("kg-inbound-dead", autoAck: true, new AsyncEventingBasicConsumer(c))),
            ("take a message from KG's inbound queue", c => c.BasicGetAsync("kg-inbound", autoAck: true)),
            ("delete KG's inbound queue", c => c.QueueDeleteAsync("kg-inbound")),
            ("delete KG's inbound exchange", c => c.ExchangeDeleteAsync("kg-inbound")),
            ("redeclare KG's inbound exchange", c => c.ExchangeDeclareAsync("kg-inbound", ExchangeType.Fanout, durable: true)),
            ("bind KG's inbound exchange to a queue of its own", c => c.QueueBindAsync("kz-inbound", "kg-inbound", string.Empty)),
        };
        foreach (var (what, act) in refused)
        {
            await using var channel = await border.CreateChannelAsync();
            var attempt = () => act(channel);
            (await attempt.Should().ThrowAsync<OperationInterruptedException>($"KZ may not {what}"))
                .Which.ShutdownReason!.ReplyCode.Should().Be(Constants.AccessRefused, $"KZ may not {what}");
        }

        await using (var channel = await border.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            // Mandatory and confirmed: the broker routed it into KG's inbound queue (where KG's border will quarantine it).
            await channel.BasicPublishAsync("kg-inbound", string.Empty, mandatory: true, new BasicProperties(), Encoding.UTF8.GetBytes("not an envelope"));
        }
    }

    [Fact]
    public async Task A_node_one_release_behind_on_the_shared_virtual_host_still_exchanges_a_request_with_an_upgraded_one()
    {
        // Upgrading KZ moved its workflows into a virtual host of its own; the border virtual host is the one every node shared
        // so far, where KG, not yet upgraded, still runs everything with the one account it always had.
        var region = await RabbitBroker.CreateRegionAsync(Path.Combine(_data.Path, "secrets"), "KZ", "KG");
        await RabbitBroker.EnsureTestAccountAsync();
        await RabbitBroker.Ctl("set_permissions", "-p", region.BorderVirtualHost, RabbitBroker.Username, ".*", ".*", ".*");
        await using var kz = new NodeFactory(Path.Combine(_data.Path, "kz"), _clock, region.Settings["KZ"], "KZ");
        await using var kg = new NodeFactory(Path.Combine(_data.Path, "kg"), _clock, RabbitBroker.Settings(region.BorderVirtualHost), "KG");
        _ = kg.Services;

        var id = await Scenario.ApprovedAsync(kz);
        var branch = DeterministicGuid.Branch(id, "KG");
        await kg.IncomingIn(branch, "Received", TestTimeouts.Delivery);
        await Eventually.Until(() => kz.Query(db => Task.FromResult(db.CrossBorderMessages.Single(m => m.CorrelationId == branch).State)),
            state => state == "Delivered", TestTimeouts.Delivery, "KG's receipt, sent the old way, read on KZ's inbound queue");
    }

    static ConnectionFactory Factory(IReadOnlyDictionary<string, string?> settings, string virtualHost) => new()
    {
        HostName = "127.0.0.1", Port = RabbitBroker.Port, VirtualHost = virtualHost,
        UserName = settings["RabbitMq:Username"]!, Password = settings["RabbitMq:Password"]!, AutomaticRecoveryEnabled = false,
    };

    /// <summary>What the broker answered to opening a channel with <paramref name="factory"/>, or "opened".</summary>
    static async Task<string> RefusalAsync(ConnectionFactory factory)
    {
        try
        {
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            return "opened";
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException)
        {
            return Messages(exception);
        }
    }

    static string Messages(Exception exception) =>
        string.Join(" | ", Enumerable.Repeat(exception, 1).Concat(exception is AggregateException a ? a.InnerExceptions : [])
            .SelectMany(e => Chain(e)).Select(e => e.Message));

    static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            yield return e;
    }

    public void Dispose() => _data.Dispose();
}
