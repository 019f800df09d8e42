using MassTransit;
using MlaRequests.Engine;
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
        services.AddSingleton(new WorkflowNode(node.Code));
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, false));
            bus.AddSagaStateMachine<OutgoingRequestStateMachine, OutgoingRequestState, OutgoingRequestStateDefinition>().SqliteRepository();
            bus.AddSagaStateMachine<BranchStateMachine, BranchState, BranchStateDefinition>().SqliteRepository();
            bus.AddSagaStateMachine<IncomingCaseStateMachine, IncomingCaseState, IncomingCaseStateDefinition>().SqliteRepository();
            bus.AddSagaStateMachine<DeadlineClockStateMachine, DeadlineClockState, DeadlineClockStateDefinition>().SqliteRepository();
            bus.AddConsumer<RequestTransmittedConsumer, RequestTransmittedConsumerDefinition>();
            bus.AddConsumer<MilestoneConsumer, MilestoneConsumerDefinition>();
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseDurableUnitOfWork(context);
                if (endpoint is IRabbitMqReceiveEndpointConfigurator queue)
                {
                    queue.SetQuorumQueue();
                    queue.SetQueueArgument("x-delivery-limit", rabbit.DeliveryLimit);
                }
            });

            if (rabbit.IsConfigured)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                        h.PublisherConfirmation = true;
                    });
                    Configure(cfg, context, prefix);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => Configure(cfg, context, prefix));
            }
        });
        return services;
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
}
