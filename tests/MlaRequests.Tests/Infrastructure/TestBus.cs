using MassTransit;
using MlaRequests.Engine.Outbox;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>A bus in the test process on the same broker and virtual host as a node, speaking to that node's exchanges.</summary>
public static class TestBus
{
    public static async Task<IBusControl> StartAsync(string virtualHost, string nodeCode, Action<IRabbitMqBusFactoryConfigurator>? configure = null,
        string username = RabbitBroker.Username, string password = RabbitBroker.Password)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host("127.0.0.1", RabbitBroker.Port, virtualHost, h =>
            {
                h.Username(username);
                h.Password(password);
            });
            cfg.MessageTopology.SetEntityNameFormatter(
                new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, $"{nodeCode.ToLowerInvariant()}."));
            cfg.ConfigureJsonSerializerOptions(MessageJson.Configure);
            configure?.Invoke(cfg);
        });
        await bus.StartAsync(new CancellationTokenSource(TestTimeouts.Start).Token);
        return bus;
    }
}
