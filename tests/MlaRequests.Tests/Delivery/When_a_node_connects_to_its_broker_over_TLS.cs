using System.Security.Authentication;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlaRequests.Node.Messaging;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// The region command's private broker speaks TLS only (amqps://) with a certificate from a local authority made at
/// set-up; a node trusts that authority by a setting (RabbitMq:CaCertificate), never by switching validation off.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_node_connects_to_its_broker_over_TLS : IAsyncLifetime
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 9, 14, 4, 0));
    TlsBroker? _broker;

    public async Task InitializeAsync() => _broker = await TlsBroker.StartAsync(_data.Path);

    [Fact]
    public async Task The_node_comes_up_over_amqps_and_a_plain_connection_or_an_untrusted_certificate_is_refused()
    {
        var broker = _broker!;
        var secrets = Path.Combine(_data.Path, "secrets");
        await broker.RunAsync("accounts", broker.Port.ToString(), "mla", secrets, "KZ", "KG");
        var settings = new Dictionary<string, string?>
        {
            ["RabbitMq:Url"] = $"amqps://127.0.0.1:{broker.Port}/mla-kz",
            ["RabbitMq:BorderVirtualHost"] = "mla-border",
            ["RabbitMq:Username"] = "mla-kz",
            ["RabbitMq:Password"] = File.ReadAllText(Path.Combine(secrets, "KZ.broker-password")).Trim(),
            ["RabbitMq:CaCertificate"] = broker.CaCertificate,
        };

        await using (var kz = new NodeFactory(Path.Combine(_data.Path, "kz"), _clock, settings, "KZ"))
        {
            kz.Services.GetRequiredService<IBusControl>().CheckHealth().Status.Should().Be(BusHealthStatus.Healthy, "KZ's bus is connected over TLS");
            var health = kz.Services.GetRequiredService<HealthCheckService>();
            await Eventually.Until(async () => (await health.CheckHealthAsync()).Status, status => status == HealthStatus.Healthy,
                TestTimeouts.Delivery, "every check healthy: both of KZ's buses connected over TLS, its routing declared");
        }

        var options = new RabbitMqOptions
        {
            Host = "127.0.0.1", Port = broker.Port, Username = "mla-kz", Password = (string)settings["RabbitMq:Password"]!, VirtualHost = "mla-kz",
        };
        var plain = async () => await BrokerConnections.Factory(options, "mla-kz", "plain").CreateConnectionAsync();
        await plain.Should().ThrowAsync<BrokerUnreachableException>("the broker has no plain AMQP listener");

        options.Tls = true;
        var untrusted = async () => await BrokerConnections.Factory(options, "mla-kz", "untrusted").CreateConnectionAsync();
        (await untrusted.Should().ThrowAsync<BrokerUnreachableException>("without the region's authority the broker's certificate is not trusted"))
            .Which.GetBaseException().Should().BeAssignableTo<AuthenticationException>();

        options.CaCertificate = broker.CaCertificate;
        await using var trusted = await BrokerConnections.Factory(options, "mla-kz", "trusted").CreateConnectionAsync();
        trusted.IsOpen.Should().BeTrue();
    }

    public async Task DisposeAsync()
    {
        if (_broker is not null)
            await _broker.DisposeAsync();
        _data.Dispose();
    }
}
