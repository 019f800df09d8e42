using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// The bindings that route each published message type to the receive endpoints that consume it,
/// recorded while MassTransit configures the endpoints and declared on the broker once, all together,
/// by <see cref="ConsumeBindingsDeployer"/> (the outbox publishes nothing until then).
/// </summary>
/// <remarks>
/// Why not let MassTransit declare them: it re-declares an endpoint's whole consume topology on
/// every new channel, issuing the declarations and bindings concurrently on that channel.
/// RabbitMQ.Client 7.2.2 (the version MassTransit.RabbitMQ 8.5.12 is built on) disposes a channel's RPC semaphore when the
/// connection drops, and every call parked on it then waits forever, whatever its timeout
/// (rabbitmq-dotnet-client#1976, fixed after 7.2.2). On a slow link that resets during a
/// reconnect, the endpoint never comes back: observed as <c>kz-inbound</c> left with no consumer
/// after a fault-proxy run. With the consume topology declared here, an endpoint's own channel set-up
/// is one queue, one exchange and one binding, each alone in its step, so no call is ever parked.
/// Bindings are durable: a reconnect finds them in place.
/// </remarks>
public sealed class ConsumeBindings
{
    readonly ConcurrentDictionary<(string Exchange, string Endpoint), byte> _bindings = new();

    /// <summary>The message topology of the bus being configured, which names each message type's exchange.</summary>
    public IMessageTopologyConfigurator? Messages { get; set; }

    /// <summary>Every (message exchange → endpoint exchange) binding recorded so far, in a stable order.</summary>
    public IReadOnlyList<(string Exchange, string Endpoint)> Bindings =>
        [.. _bindings.Keys.OrderBy(b => b.Endpoint, StringComparer.Ordinal).ThenBy(b => b.Exchange, StringComparer.Ordinal)];

    /// <summary>
    /// Turns MassTransit's per-channel consume topology off for this endpoint and records, as each
    /// consumer and saga is configured on it, which message types it needs bound.
    /// </summary>
    public void Take(IRabbitMqReceiveEndpointConfigurator endpoint, string endpointName)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.ConfigureConsumeTopology = false;
        var recorder = new Recorder(this, endpointName);
        endpoint.ConnectConsumerConfigurationObserver(recorder);
        endpoint.ConnectSagaConfigurationObserver(recorder);
    }

    void Record<TMessage>(string endpointName)
        where TMessage : class
    {
        var messages = Messages ?? throw new InvalidOperationException("The message topology is set before endpoints are configured.");
        _bindings.TryAdd((messages.GetMessageTopology<TMessage>().EntityName, endpointName), 0);
    }

    sealed class Recorder(ConsumeBindings topology, string endpointName) : IConsumerConfigurationObserver, ISagaConfigurationObserver
    {
        public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator)
            where TConsumer : class
        {
        }

        public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
            where TConsumer : class
            where TMessage : class => topology.Record<TMessage>(endpointName);

        public void SagaConfigured<TSaga>(ISagaConfigurator<TSaga> configurator)
            where TSaga : class, ISaga
        {
        }

        public void StateMachineSagaConfigured<TInstance>(ISagaConfigurator<TInstance> configurator, SagaStateMachine<TInstance> stateMachine)
            where TInstance : class, ISaga, SagaStateMachineInstance
        {
        }

        public void SagaMessageConfigured<TSaga, TMessage>(ISagaMessageConfigurator<TSaga, TMessage> configurator)
            where TSaga : class, ISaga
            where TMessage : class => topology.Record<TMessage>(endpointName);
    }
}

/// <summary>
/// Declares the recorded bindings on the broker in the background, from start-up until the broker answers: each
/// message exchange, each endpoint exchange and the binding between them, all sent at once on one channel without
/// waiting for each answer, then one call that does wait. The broker takes a channel's commands in order and closes the
/// channel on the first it refuses, so when that last call is answered every declaration before it has taken effect.
/// The node does not wait for it to start (its web UI and API work while the broker is unreachable); the outbox holds
/// publishing until <see cref="Declared"/> completes, so nothing is published before the broker can route it.
/// </summary>
/// <remarks>
/// One round trip instead of one per declaration: on a slow link (200 ms each way) that resets now and then, declaring
/// 60 bindings one call at a time on 16 channels took 7 to 17 s and each reset cost a share of it again; sent together
/// they take a second or two, and a reset costs one attempt of that. Every declaration is idempotent, so an attempt a
/// reset interrupted is simply made again whole. Each call has its own deadline, because a call parked on a channel whose
/// connection dropped may never return (rabbitmq-dotnet-client#1976).
/// </remarks>
public sealed class ConsumeBindingsDeployer(
    IServiceProvider services, ConsumeBindings topology, RabbitMqOptions rabbit, ILogger<ConsumeBindingsDeployer> logger) : BackgroundService
{
    static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    readonly TaskCompletionSource _declared = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every binding is declared.</summary>
    public Task Declared => _declared.Task;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // start-up goes on while this waits for the broker
        services.GetRequiredService<IBusControl>(); // building the bus configures the endpoints, which records the bindings
        var bindings = topology.Bindings;
        var factory = BrokerConnections.Factory(rabbit, rabbit.VirtualHost, "consume-bindings");
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await DeclareAsync(factory, bindings, stoppingToken);
                logger.LogInformation("Consume bindings declared: {Bindings} in {Elapsed} s ({Attempts} attempts)",
                    bindings.Count, Math.Round(started.Elapsed.TotalSeconds, 1), attempt);
                _declared.TrySetResult();
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Soon after the first failures (a reset link), then less often (a broker that is down for a while).
                var pause = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(attempt, 7)) / 8));
                logger.LogWarning("Declaring the consume bindings failed (attempt {Attempt}, {Bindings} bindings): {Error}; retrying in {Pause}",
                    attempt, bindings.Count, exception.Message, pause);
                await Task.Delay(pause, stoppingToken);
            }
        }
    }

    static async Task DeclareAsync(ConnectionFactory factory, IReadOnlyList<(string Exchange, string Endpoint)> bindings, CancellationToken cancellationToken)
    {
        var exchanges = bindings.SelectMany(b => new[] { b.Exchange, b.Endpoint }).Distinct(StringComparer.Ordinal).ToList();
        var connection = await factory.CreateConnectionAsync(cancellationToken).WaitAsync(CallTimeout * 2, cancellationToken);
        try
        {
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).WaitAsync(CallTimeout, cancellationToken);
            foreach (var name in exchanges)
                await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, noWait: true, cancellationToken: cancellationToken)
                    .WaitAsync(CallTimeout, cancellationToken);
            foreach (var (exchange, endpoint) in bindings)
                await channel.ExchangeBindAsync(endpoint, exchange, string.Empty, noWait: true, cancellationToken: cancellationToken)
                    .WaitAsync(CallTimeout, cancellationToken);
            // Answered only after every command above was carried out; had one been refused, the channel is closed and this throws.
            if (exchanges.Count > 0)
                await channel.ExchangeDeclarePassiveAsync(exchanges[^1], cancellationToken).WaitAsync(CallTimeout, cancellationToken);
            await connection.CloseAsync(cancellationToken).WaitAsync(CallTimeout, cancellationToken);
        }
        finally
        {
            _ = connection.DisposeAsync().AsTask(); // a dropped connection may not finish closing; nothing waits for it
        }
    }
}

/// <summary>Ready once the broker has the node's consume bindings (until then the outbox holds publishing).</summary>
public sealed class ConsumeBindingsHealthCheck(ConsumeBindingsDeployer deployer) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(deployer.Declared.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy("The broker routes every consumed message type to this node")
            : HealthCheckResult.Unhealthy("Waiting for the broker to declare this node's consume bindings"));
}
