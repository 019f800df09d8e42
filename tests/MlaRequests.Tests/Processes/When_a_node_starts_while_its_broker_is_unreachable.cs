using System.Net;
using MlaRequests.Domain;
using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Processes;

/// <summary>
/// The regional broker may be out of reach when a national node starts (a WAN link down for hours).
/// The node must still start: prosecutors sign in and draft; the work waits in the outbox and goes
/// out once the broker answers, and the node reports itself not ready until then.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_node_starts_while_its_broker_is_unreachable : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task It_serves_its_users_at_once_and_catches_up_when_the_broker_answers()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        var settings = RabbitBroker.Settings(virtualHost);
        settings["Demo:SeedAccounts"] = "true";
        await using var proxy = new FaultProxy(RabbitBroker.Port) { Blackhole = true };
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"),
            new Dictionary<string, string?>(settings) { ["RabbitMq:Port"] = proxy.Port.ToString() });
        await using var kg = new NodeProcess("KG", Path.Combine(_data.Path, "kg"), settings);
        await Task.WhenAll(kz.StartAsync(probe: "/health"), kg.StartAsync());

        (await kz.Client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "the broker is out of reach");
        var prosecutor = await kz.ApiAsync("kz.prosecutor");
        var drafted = await prosecutor.CreateAsync(TestContent.Complete(LegalBasis.Chisinau2002, "KG"));
        await Consistently.For(TimeSpan.FromSeconds(3),
            async () => (await prosecutor.GetAsync($"/api/requests/{drafted.Id}")).GetProperty("timeline").GetArrayLength() == 0,
            "the draft is kept, its workflow event waits in the outbox for the broker");

        proxy.Blackhole = false;
        await Eventually.Until(async () => (await kz.Client.GetAsync("/health/ready")).StatusCode, s => s == HttpStatusCode.OK,
            TestTimeouts.Bulk, "KZ ready once the broker answers");
        await Eventually.Until(async () => (await prosecutor.GetAsync($"/api/requests/{drafted.Id}")).GetProperty("timeline").EnumerateArray()
                .Select(t => t.GetProperty("action").GetString()).ToList(),
            actions => actions.Contains("Drafted"), TestTimeouts.Delivery, "the draft written during the outage to reach its workflow");
        var (_, branch) = await When_the_receiving_node_is_killed.LinkedCaseAsync(kz, kg);
        (await (await kg.ApiAsync("kg.liaison")).GetAsync($"/api/incoming/{branch}")).GetProperty("status").GetString()
            .Should().NotBeNullOrEmpty("a request from the node that started without its broker reaches Kyrgyzstan");
    }

    public void Dispose() => _data.Dispose();
}
