using System.Text;
using MlaRequests.Domain;
using MlaRequests.Node.Delivery;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;
using RabbitMQ.Client;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// Anyone who can bind a queue to a node's inbound exchange (the broker's operator, a peer with broker access) sees every
/// envelope that passes: its header, never its content. The request's persons and facts are sealed for the recipient.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_someone_reads_the_inbound_exchanges : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 4, 6, 5, 0));

    [Fact]
    public async Task A_queue_bound_to_them_reads_no_person_and_no_fact_of_a_transmitted_request()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        await using var node = new NodeFactory(_data.Path, _clock, RabbitBroker.Settings(virtualHost));
        _ = node.Services;
        var kg = await FakePeer.StartAsync(node, "KG");
        kg.Answering = false;
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = RabbitBroker.Port, VirtualHost = virtualHost, UserName = RabbitBroker.Username, Password = RabbitBroker.Password };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("eavesdropper", durable: false, exclusive: true, autoDelete: false);
        await channel.QueueBindAsync("eavesdropper", "kg-inbound", string.Empty);
        await channel.QueueBindAsync("eavesdropper", "kz-inbound", string.Empty);

        var content = TestContent.Complete();
        var id = await Scenario.ApprovedAsync(node, content);
        var branch = DeterministicGuid.Branch(id, "KG");
        var sent = await Eventually.Until(() => node.Query(db => Task.FromResult(db.CrossBorderMessages.Single(m => m.CorrelationId == branch))),
            m => m.State == DeliveryStates.Sent, TestTimeouts.Delivery, "the request to be sent to KG");
        await Eventually.Until(() => Task.FromResult(kg.Received.ContainsKey(sent.MessageId)), received => received, TestTimeouts.Delivery,
            "KG to receive it");

        var bodies = new List<string>();
        while (await channel.BasicGetAsync("eavesdropper", autoAck: true) is { } message)
            bodies.Add(Encoding.UTF8.GetString(message.Body.Span));
        bodies.Should().NotBeEmpty("the eavesdropper saw the request pass");
        bodies.Should().Contain(b => b.Contains(branch.ToString("D"), StringComparison.Ordinal), "the header (ids, sender, recipient, contract) stays readable");
        string[] personal = [.. content.Persons.Select(p => p.Name!), content.Facts!, content.Measures[0].Description!, "Taraz", content.CaseReference!];
        foreach (var body in bodies)
        {
            foreach (var text in personal)
                body.Should().NotContain(text, "a transmitted request's persons and facts are sealed for the receiving node");
        }
    }

    public void Dispose() => _data.Dispose();
}
