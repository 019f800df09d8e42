using System.ComponentModel.DataAnnotations;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// Broker settings (section <c>RabbitMq</c>). Without a host (or URL) the node runs on the in-memory transport.
/// <see cref="Url"/>, when given, sets host, port, virtual host, user name, password and TLS at once.
/// </summary>
/// <remarks>
/// Two layouts (docs/broker.md). Without <see cref="BorderVirtualHost"/> everything is in <see cref="VirtualHost"/>, as
/// before this setting existed, so a deployment upgrades without a broker change. With it, the node's own workflow
/// traffic stays in <see cref="VirtualHost"/> (its own, where only its account has rights) and only its inbound queue and
/// its sends to the peers' inbound exchanges use the shared border virtual host, where its account may configure and
/// read its own inbound objects and only write to the others'.
/// </remarks>
public sealed class RabbitMqOptions : IValidatableObject
{
    /// <summary>
    /// The broker as one URL, <c>amqp://user:password@host:port/vhost</c> (optional). When the options are validated at
    /// start-up it is parsed into <see cref="Host"/>, <see cref="Port"/>, <see cref="VirtualHost"/>, <see cref="Username"/> and <see cref="Password"/>.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Broker host name; empty selects the in-memory transport.</summary>
    public string? Host { get; set; }

    /// <summary>AMQP port.</summary>
    public ushort Port { get; set; } = 5672;

    /// <summary>Virtual host.</summary>
    public string VirtualHost { get; set; } = "/";

    /// <summary>
    /// The virtual host shared by the nodes for cross-border traffic (optional). Empty keeps the inbound queue and the sends
    /// to peers in <see cref="VirtualHost"/>. During an upgrade it is the virtual host the nodes shared so far, so a
    /// node one release behind still finds this node's inbound queue and this node still finds the peer's.
    /// </summary>
    public string? BorderVirtualHost { get; set; }

    /// <summary>Connect over TLS (<c>amqps://</c>); the URL scheme <c>amqps</c> sets it.</summary>
    public bool Tls { get; set; }

    /// <summary>
    /// A PEM file with the certificate authority that signed the broker's certificate (optional, with <see cref="Tls"/>):
    /// the broker's certificate must chain to it instead of to the system's trusted roots. Validation is never switched off.
    /// </summary>
    public string? CaCertificate { get; set; }

    /// <summary>User name (one account per node; the broker's default <c>guest</c> is for loopback tests only).</summary>
    public string Username { get; set; } = "guest";

    /// <summary>Password: give it through the environment (<c>RabbitMq__Password</c>), never on the command line.</summary>
    public string Password { get; set; } = "guest";

    /// <summary>Redeliveries a quorum queue allows before it dead-letters a message.</summary>
    public int DeliveryLimit { get; set; } = 20;

    /// <summary>How often the connection is checked; a link that stops answering is dropped and reconnected after about twice this.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>True when a broker is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The virtual host of the inbound queue and of the peers' inbound exchanges.</summary>
    public string BorderHost => string.IsNullOrEmpty(BorderVirtualHost) ? VirtualHost : BorderVirtualHost;

    /// <summary>True when cross-border traffic has a virtual host of its own (a second bus for the inbound queue).</summary>
    public bool HasSeparateBorder => IsConfigured && BorderHost != VirtualHost;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Url) && !TryApplyUrl())
            yield return new ValidationResult(
                $"RabbitMq:Url must look like amqp://user:password@host:5672/vhost or amqps://… (was '{Redacted(Url)}').", [nameof(Url)]);
        if (IsConfigured && Uri.CheckHostName(Host) == UriHostNameType.Unknown)
            yield return new ValidationResult($"RabbitMq:Host must be a host name or IP address (was '{Host}').", [nameof(Host)]);
        if (Port == 0)
            yield return new ValidationResult("RabbitMq:Port must be between 1 and 65535.", [nameof(Port)]);
        if (string.IsNullOrEmpty(VirtualHost))
            yield return new ValidationResult("RabbitMq:VirtualHost must not be empty (the default is /).", [nameof(VirtualHost)]);
        if (DeliveryLimit < 1)
            yield return new ValidationResult($"RabbitMq:DeliveryLimit must be at least 1 (was {DeliveryLimit}).", [nameof(DeliveryLimit)]);
        if (BorderVirtualHost is { Length: 0 })
            yield return new ValidationResult("RabbitMq:BorderVirtualHost must not be empty when set.", [nameof(BorderVirtualHost)]);
        if (!string.IsNullOrEmpty(CaCertificate) && !File.Exists(CaCertificate))
            yield return new ValidationResult($"RabbitMq:CaCertificate: no file at '{CaCertificate}'.", [nameof(CaCertificate)]);
        if (!string.IsNullOrEmpty(CaCertificate) && !Tls)
            yield return new ValidationResult("RabbitMq:CaCertificate needs TLS (RabbitMq:Tls=true or an amqps:// URL).", [nameof(CaCertificate)]);
        if (Heartbeat < TimeSpan.FromSeconds(1))
            yield return new ValidationResult($"RabbitMq:Heartbeat must be at least one second (was {Heartbeat}).", [nameof(Heartbeat)]);
    }

    bool TryApplyUrl()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps" or "rabbitmq") || string.IsNullOrEmpty(uri.Host))
            return false;
        Host = uri.Host;
        if (uri.Scheme == "amqps")
        {
            Tls = true;
            Port = 5671;
        }
        if (!uri.IsDefaultPort && uri.Port > 0)
            Port = (ushort)uri.Port;
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        VirtualHost = path.Length == 0 ? "/" : path;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                Password = Uri.UnescapeDataString(parts[1]);
        }
        return true;
    }

    /// <summary>The URL without its password, for error messages.</summary>
    static string Redacted(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? url.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : url;
}
