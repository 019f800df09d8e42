using System.Reflection;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client.Exceptions;

namespace MlaRequests.Node.Messaging;

/// <summary>
/// How soon a receive endpoint (and with it the bus's connection) tries again after the broker dropped it: from about
/// 250 ms, doubling, up to about 5 s (each wait ±25 %, so the node's endpoints do not reconnect in step).
/// </summary>
/// <remarks>
/// MassTransit 8.5's RabbitMQ transport waits 3 s, then 6, 12, 24 and 30 s, and it never starts the count again after a
/// success: once a link has reset a few times, every later reset costs every endpoint 30 s, and a node whose broker
/// comes back after an outage is up to 30 s late to notice. Measured through the fault proxy: a node starting on a
/// link that resets 1 % of its chunks was ready after 28 s (its routing after 9 s); a draft written during an outage
/// reached its workflow more than 30 s after the broker answered. MassTransit offers no setting for this policy, so
/// the host's policy is replaced where the transport keeps it; the same exceptions are retried, only sooner.
/// The version of MassTransit is pinned (8.5.12), and a test proves the replacement takes; should a later version
/// move the field, the node keeps MassTransit's own timing and says so in its log.
/// </remarks>
public static class ReceiveTransportRetry
{
    /// <summary>Shortest wait before a retry.</summary>
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait before a retry, give or take 25 % (reached after a handful of resets, and kept).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

    /// <summary>The policy: MassTransit's exception filter for the RabbitMQ transport, with shorter waits.</summary>
    public static IRetryPolicy Policy { get; } = Retry.CreatePolicy(x =>
    {
        x.Handle<ConnectionException>();
        x.Handle<AlreadyClosedException>();
        x.Handle<EndOfStreamException>();
        x.Handle<OperationInterruptedException>(exception => exception.ChannelShouldBeClosed());
        x.Handle<NotSupportedException>(exception => exception.Message.Contains("Pipelining of requests forbidden", StringComparison.Ordinal));
        x.Ignore<AuthenticationFailureException>(); // a wrong password is not fixed by asking again
        x.Exponential(1000, First, Longest, TimeSpan.FromMilliseconds(250));
    });

    /// <summary>Puts <see cref="Policy"/> in place of the host's; false (and MassTransit's timing) when the transport keeps it elsewhere.</summary>
    public static bool Apply(IRabbitMqBusFactoryConfigurator configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        var host = HostOf(configurator);
        var field = host?.GetType().GetField($"<{nameof(IHostConfiguration.ReceiveTransportRetryPolicy)}>k__BackingField",
            BindingFlags.Instance | BindingFlags.NonPublic);
        if (field is null || field.FieldType != typeof(IRetryPolicy))
            return false;
        field.SetValue(host, Policy);
        return true;
    }

    /// <summary>The transport's policy as the host configuration of <paramref name="configurator"/> reports it (for tests).</summary>
    public static IRetryPolicy? Current(IRabbitMqBusFactoryConfigurator configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        return (HostOf(configurator) as IHostConfiguration)?.ReceiveTransportRetryPolicy;
    }

    static object? HostOf(IRabbitMqBusFactoryConfigurator configurator) =>
        configurator.GetType().GetField("_hostConfiguration", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(configurator);
}
