using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// The bindings that route each published message type to the receive endpoints that consume it,
/// recorded while MassTransit configures the endpoints and declared on the broker once, one at a
/// time, by <see cref="ConsumeBindingsDeployer"/> (the outbox publishes nothing until then).
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
/// Declares the recorded bindings on the broker in the background, from start-up until the broker
/// answers: each message exchange, each endpoint exchange and the binding between them, one call at a
/// time per channel, on a few channels of its own connection. The node does not wait for it to start (its web UI and
/// API work while the broker is unreachable); the outbox holds publishing until <see cref="Declared"/>
/// completes, so nothing is published before the broker can route it.
/// </summary>
/// <remarks>
/// What is declared is remembered, so a connection reset costs only the call it interrupted: the next attempt declares
/// the rest (after a short pause when the last attempt got somewhere, a growing one when it did not). Declaring
/// everything again on every attempt, on a link that resets 1 % of its chunks, took 43 s and once never finished.
/// Each call has its own deadline, because a call parked on a channel whose connection dropped may never return
/// (rabbitmq-dotnet-client#1976).
/// </remarks>
public sealed class ConsumeBindingsDeployer(
    IServiceProvider services, ConsumeBindings topology, RabbitMqOptions rabbit, ILogger<ConsumeBindingsDeployer> logger) : BackgroundService
{
    const int Lanes = 16;
    static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    readonly TaskCompletionSource _declared = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly ConcurrentDictionary<string, byte> _exchanges = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<(string Exchange, string Endpoint), byte> _bound = new();

    /// <summary>Completes once every binding is declared.</summary>
    public Task Declared => _declared.Task;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // start-up goes on while this waits for the broker
        services.GetRequiredService<IBusControl>(); // building the bus configures the endpoints, which records the bindings
        var bindings = topology.Bindings;
        var factory = BrokerConnections.Factory(rabbit, rabbit.VirtualHost, "consume-bindings");
        var fruitless = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            var before = _exchanges.Count + _bound.Count;
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
                fruitless = _exchanges.Count + _bound.Count > before ? 0 : fruitless + 1;
                var pause = fruitless == 0 ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(fruitless, 6)) / 4));
                logger.LogWarning("Declaring the consume bindings failed (attempt {Attempt}, {Bound} of {Bindings} bound): {Error}; retrying in {Pause}",
                    attempt, _bound.Count, bindings.Count, exception.Message, pause);
                await Task.Delay(pause, stoppingToken);
            }
        }
    }

    async Task DeclareAsync(ConnectionFactory factory, IReadOnlyList<(string Exchange, string Endpoint)> bindings, CancellationToken cancellationToken)
    {
        var rest = bindings.Where(b => !_bound.ContainsKey(b)).ToList();
        var connection = await factory.CreateConnectionAsync(cancellationToken).WaitAsync(CallTimeout * 2, cancellationToken);
        try
        {
            // A few channels side by side, each one call at a time: on a slow link the round trips add up otherwise.
            await Task.WhenAll(Enumerable.Range(0, Lanes).Select(lane => DeclareLaneAsync(connection, rest.Where((_, i) => i % Lanes == lane), cancellationToken)));
            await connection.CloseAsync(cancellationToken).WaitAsync(CallTimeout, cancellationToken);
        }
        finally
        {
            _ = connection.DisposeAsync().AsTask(); // a dropped connection may not finish closing; nothing waits for it
        }
    }

    async Task DeclareLaneAsync(IConnection connection, IEnumerable<(string Exchange, string Endpoint)> bindings, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).WaitAsync(CallTimeout, cancellationToken);
        foreach (var binding in bindings)
        {
            foreach (var name in new[] { binding.Exchange, binding.Endpoint }.Where(n => !_exchanges.ContainsKey(n)))
            {
                await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken)
                    .WaitAsync(CallTimeout, cancellationToken);
                _exchanges.TryAdd(name, 0);
            }
            await channel.ExchangeBindAsync(binding.Endpoint, binding.Exchange, string.Empty, cancellationToken: cancellationToken)
                .WaitAsync(CallTimeout, cancellationToken);
            _bound.TryAdd(binding, 0);
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
