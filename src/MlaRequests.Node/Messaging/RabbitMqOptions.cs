namespace MlaRequests.Node.Messaging;

/// <summary>Broker settings (section <c>RabbitMq</c>). Without a host the node runs on the in-memory transport.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>Broker host name; empty selects the in-memory transport.</summary>
    public string? Host { get; set; }

    /// <summary>AMQP port.</summary>
    public ushort Port { get; set; } = 5672;

    /// <summary>Virtual host.</summary>
    public string VirtualHost { get; set; } = "/";

    /// <summary>User name.</summary>
    public string Username { get; set; } = "guest";

    /// <summary>Password.</summary>
    public string Password { get; set; } = "guest";

    /// <summary>Redeliveries a quorum queue allows before it dead-letters a message.</summary>
    public int DeliveryLimit { get; set; } = 20;

    /// <summary>How often the connection is checked; a link that stops answering is dropped and reconnected after about twice this.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>True when a broker is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
