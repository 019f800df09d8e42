using MassTransit;
using MlaRequests.Engine;
using MlaRequests.Node.Delivery;
using MlaRequests.Engine.Outbox;
using MlaRequests.Engine.Sagas;
using MlaRequests.Engine.Scheduling;
using MlaRequests.Node.Hosting;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Node.Messaging;

/// <summary>The node's bus: workflows on the SQLite repository, every endpoint in a durable unit of work.</summary>
public static class MessagingExtensions
{
    /// <summary>
    /// Registers MassTransit with the node's workflows. With a <c>RabbitMq:Host</c> the node uses
    /// RabbitMQ (quorum queues, publisher confirms); otherwise MassTransit's in-memory transport.
    /// Exchange and queue names carry the node code, so nodes sharing one broker keep their local
    /// workflow traffic apart.
    /// </summary>
    public static IServiceCollection AddNodeMessaging(this IServiceCollection services, NodeOptions node, RabbitMqOptions rabbit)
    {
        var prefix = node.Code.ToLowerInvariant();
        services.AddSingleton(provider => new WorkflowNode(node.Code)
        {
            ContractVersion = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CrossBorderOptions>>().Value.ContractVersion,
        });
        var consumeBindings = new ConsumeBindings();
        services.AddSingleton(consumeBindings);
        var queues = new NodeQueues();
        services.AddSingleton(queues);
        if (rabbit.IsConfigured)
        {
            services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ConsumeBindingsDeployer>(provider, rabbit));
            services.AddHostedService(provider => provider.GetRequiredService<ConsumeBindingsDeployer>());
            services.AddHealthChecks().AddCheck<ConsumeBindingsHealthCheck>("broker-routing", tags: ["ready"]);
            services.AddOptions<OutboxOptions>().Configure<IServiceProvider>((outbox, provider) =>
            {
                outbox.StartGate = token => provider.GetRequiredService<ConsumeBindingsDeployer>().Declared.WaitAsync(token);
                // MassTransit reports its bus unhealthy until it has connected, and when it has lost every endpoint.
                outbox.TransportAvailable = () => provider.GetRequiredService<IBusControl>().CheckHealth().Status != BusHealthStatus.Unhealthy;
            });
        }
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = !rabbit.IsConfigured; // a node starts (UI, API, outbox) while its broker is unreachable
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry(); // MassTransit would post the host's details and queue names to its vendor
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, false));
            bus.AddSagaStateMachine<OutgoingRequestStateMachine, OutgoingRequestState, OutgoingRequestStateDefinition>().SqliteRepository();
            bus.AddSagaStateMachine<BranchStateMachine, BranchState, BranchStateDefinition>().SqliteRepository();
            bus.AddSagaStateMachine<IncomingCaseStateMachine, IncomingCaseState, IncomingCaseStateDefinition>().SqliteRepository();
            bus.AddSagaStateMachine<DeadlineClockStateMachine, DeadlineClockState, DeadlineClockStateDefinition>().SqliteRepository();
            bus.AddConsumer<RequestTransmittedConsumer>();
            bus.AddConsumer<MilestoneConsumer>();
            bus.AddConsumer<SharedMilestoneConsumer>();
            bus.AddConsumer<AutomaticStatusEnquiryConsumer>();
            if (!rabbit.HasSeparateBorder)
                bus.AddConsumer<EnvelopeConsumer, EnvelopeConsumerDefinition>();
            bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                endpoint.UseDurableUnitOfWork(context);
                if (endpoint is IRabbitMqReceiveEndpointConfigurator queue)
                    consumeBindings.Take(queue, name);
                ConfigureQueue(endpoint, context, name, node.Code, rabbit, queues, rabbit.VirtualHost);
            });

            if (rabbit.IsConfigured)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    BrokerConnections.Configure(cfg, rabbit, rabbit.VirtualHost, context);
                    consumeBindings.Messages = cfg.MessageTopology;
                    Configure(cfg, context, prefix);
                    if (!rabbit.HasSeparateBorder)
                        DeadLetterEndpoint(cfg, context, prefix, queues, rabbit.VirtualHost);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    Configure(cfg, context, prefix);
                    DeadLetterEndpoint(cfg, context, prefix, queues, virtualHost: null);
                });
            }
        });
        if (rabbit.HasSeparateBorder)
            services.AddBorderBus(node, rabbit, queues);
        return services;
    }

    /// <summary>
    /// The inbound queue and its dead-letter queue on the border virtual host, read by a bus of their own. Nothing else is
    /// declared there: no message-type exchanges (peers send to the inbound exchange by name), and the bus's own
    /// temporary queue carries the inbound queue's name as a prefix, so the account needs rights on <c>^kz-inbound</c> only.
    /// </summary>
    static void AddBorderBus(this IServiceCollection services, NodeOptions node, RabbitMqOptions rabbit, NodeQueues queues)
    {
        var prefix = node.Code.ToLowerInvariant();
        services.AddMassTransit<IBorderBus>(bus =>
        {
            bus.AddConsumer<EnvelopeConsumer, EnvelopeConsumerDefinition>();
            bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                endpoint.UseDurableUnitOfWork(context);
                endpoint.ConfigureConsumeTopology = false;
                ConfigureQueue(endpoint, context, name, node.Code, rabbit, queues, rabbit.BorderHost);
            });
            bus.UsingRabbitMq((context, cfg) =>
            {
                BrokerConnections.Configure(cfg, rabbit, rabbit.BorderHost, context);
                cfg.OverrideDefaultBusEndpointQueueName($"{WorkflowNode.InboundQueueOf(node.Code)}-bus-{NewId.Next():N}");
                // Only names: what the envelope consumer publishes is captured by the outbox with this bus's exchange names,
                // and the dispatcher publishes it on the node's own bus, where those names are the node's exchanges.
                cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, $"{prefix}."));
                cfg.ConfigureJsonSerializerOptions(MessageJson.Configure);
                DeadLetterEndpoint(cfg, context, prefix, queues, rabbit.BorderHost);
                cfg.ConfigureEndpoints(context);
            });
        });
    }

    /// <summary>Quorum queues with a delivery limit; the inbound queue dead-letters and quarantines what it cannot read.</summary>
    static void ConfigureQueue(IReceiveEndpointConfigurator endpoint, IRegistrationContext context, string name, string code, RabbitMqOptions rabbit,
        NodeQueues queues, string virtualHost)
    {
        if (name == WorkflowNode.InboundQueueOf(code))
            QuarantineUnreadable(endpoint, context, "no consumer for this message type", finalStop: false);
        if (endpoint is IRabbitMqReceiveEndpointConfigurator queue)
        {
            queues.Endpoint(name, virtualHost);
            queue.SetQuorumQueue();
            queue.SetQueueArgument("x-delivery-limit", rabbit.DeliveryLimit);
            if (name == WorkflowNode.InboundQueueOf(code))
                queue.SetQueueArgument("x-dead-letter-exchange", DeadLetterQueue(code));
        }
    }

    /// <summary>
    /// Sends (cross-border messages, scheduled checkpoints) go out with RabbitMQ's mandatory flag: if the broker
    /// cannot route one (the peer's queue does not exist yet), the send fails and the outbox row waits for a retry
    /// instead of the message vanishing.
    /// </summary>
    public static void MakeUnroutableSendsFail(SendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TryGetPayload(out RabbitMqSendContext? rabbit))
            rabbit.Mandatory = true;
    }

    static void Configure<TEndpoint>(IBusFactoryConfigurator<TEndpoint> cfg, IBusRegistrationContext context, string prefix)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, $"{prefix}."));
        cfg.ConfigureJsonSerializerOptions(MessageJson.Configure);
        cfg.UseDurableMessageScheduler();
        cfg.ConfigureEndpoints(context);
    }

    /// <summary>The inbound queue's dead-letter queue, a final stop read into quarantine; <paramref name="virtualHost"/> null on the in-memory transport.</summary>
    static void DeadLetterEndpoint<TEndpoint>(IBusFactoryConfigurator<TEndpoint> cfg, IRegistrationContext context, string prefix, NodeQueues queues,
        string? virtualHost)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        if (virtualHost is not null)
            queues.DeadLetter(DeadLetterQueue(prefix), virtualHost);
        cfg.ReceiveEndpoint(DeadLetterQueue(prefix), e =>
        {
            e.ConfigureConsumeTopology = false;
            QuarantineUnreadable(e, context, "dead-lettered by the broker: the delivery limit was exceeded", finalStop: true);
        });
    }

    /// <summary>Where the inbound quorum queue dead-letters a message redelivered past its delivery limit; read into quarantine.</summary>
    static string DeadLetterQueue(string code) => $"{WorkflowNode.InboundQueueOf(code)}-dead";

    static void QuarantineUnreadable(IReceiveEndpointConfigurator endpoint, IServiceProvider services, string unconsumedReason, bool finalStop)
    {
        var quarantine = new QuarantineFilter(services, unconsumedReason, finalStop);
        endpoint.ConfigureError(x => x.UseFilter(quarantine));
        endpoint.ConfigureDeadLetter(x => x.UseFilter(quarantine));
    }
}
