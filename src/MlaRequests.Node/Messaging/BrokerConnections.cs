using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MassTransit;
using RabbitMQ.Client;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// The node's connections to its broker, MassTransit's and its own, made the same way: one account, and over TLS a
/// broker certificate that must name the host and chain to the system's roots or, when set, to
/// <see cref="RabbitMqOptions.CaCertificate"/> (a region's own certificate authority). Validation is never switched off.
/// </summary>
public static class BrokerConnections
{
    /// <summary>MassTransit's host settings for <paramref name="virtualHost"/>, with the node's reconnect timing (<see cref="ReceiveTransportRetry"/>).</summary>
    public static void Configure(IRabbitMqBusFactoryConfigurator cfg, RabbitMqOptions rabbit, string virtualHost, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(cfg);
        ArgumentNullException.ThrowIfNull(rabbit);
        cfg.Host(rabbit.Host, rabbit.Port, virtualHost, h =>
        {
            h.Username(rabbit.Username);
            h.Password(rabbit.Password);
            h.Heartbeat(rabbit.Heartbeat);
            h.PublisherConfirmation = true;
            if (rabbit.Tls)
            {
                h.UseSsl(s =>
                {
                    s.ServerName = rabbit.Host;
                    s.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
                    if (Validator(rabbit) is { } validator)
                        s.CertificateValidationCallback = validator;
                });
            }
        });
        if (!ReceiveTransportRetry.Apply(cfg))
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BrokerConnections)).LogWarning(
                "MassTransit keeps its reconnect policy elsewhere in this version; after a few broker resets each one costs up to 30 s");
        }
    }

    /// <summary>A RabbitMQ.Client connection factory for <paramref name="virtualHost"/>, without automatic recovery (the caller reconnects).</summary>
    public static ConnectionFactory Factory(RabbitMqOptions rabbit, string virtualHost, string clientName)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        return new ConnectionFactory
        {
            HostName = rabbit.Host!, Port = rabbit.Port, VirtualHost = virtualHost,
            UserName = rabbit.Username, Password = rabbit.Password, RequestedHeartbeat = rabbit.Heartbeat,
            ClientProvidedName = clientName, AutomaticRecoveryEnabled = false,
            Ssl = rabbit.Tls
                ? new SslOption
                {
                    Enabled = true, ServerName = rabbit.Host!, Version = SslProtocols.Tls12 | SslProtocols.Tls13,
                    CertificateValidationCallback = Validator(rabbit),
                }
                : new SslOption(),
        };
    }

    /// <summary>Accepts only a certificate for the host that chains to the configured authority; null uses the system's roots.</summary>
    static RemoteCertificateValidationCallback? Validator(RabbitMqOptions rabbit)
    {
        if (string.IsNullOrEmpty(rabbit.CaCertificate))
            return null;
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(rabbit.CaCertificate));
        return (_, certificate, _, errors) =>
        {
            // A wrong or missing name is never forgiven; only "not chained to a system root" is checked again below.
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // a local authority publishes no revocation list
            using var presented = new X509Certificate2(certificate);
            return chain.Build(presented);
        };
    }
}
