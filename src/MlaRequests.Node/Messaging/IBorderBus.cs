using MassTransit;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// The node's second bus, on the border virtual host (<see cref="RabbitMqOptions.BorderVirtualHost"/>): it reads only
/// the inbound queue and its dead-letter queue. Everything the envelope consumer publishes goes into the durable outbox
/// and leaves through the node's own bus, in its own virtual host.
/// </summary>
public interface IBorderBus : IBus;
