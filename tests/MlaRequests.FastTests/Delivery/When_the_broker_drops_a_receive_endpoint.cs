using MassTransit;
using MassTransit.Middleware;
using MlaRequests.Node.Messaging;
using RabbitMQ.Client.Exceptions;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.FastTests.Delivery;

/// <summary>
/// MassTransit's RabbitMQ transport would wait 3 s, 6 s, … 30 s before reconnecting an endpoint, and keep the 30 s
/// after a few resets; the node puts its own timing in place. If a MassTransit release moved the policy, this fails
/// (the node would only log a warning and keep the slow timing).
/// </summary>
public sealed class When_the_broker_drops_a_receive_endpoint
{
    [Fact]
    public void The_node_reconnects_it_within_a_second_at_first_and_never_waits_more_than_about_5_seconds()
    {
        var applied = false;
        IRetryPolicy? current = null;
        Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host("127.0.0.1", 1, "/", _ => { });
            applied = ReceiveTransportRetry.Apply(cfg);
            current = ReceiveTransportRetry.Current(cfg);
        });

        applied.Should().BeTrue("MassTransit 8.5.12 keeps the host's receive transport retry policy where the node looks for it");
        current.Should().BeSameAs(ReceiveTransportRetry.Policy);

        var delays = Delays(current!, new RabbitMqConnectionException("ReceiveTransport faulted"), 12);
        delays[0].Should().BeLessThan(TimeSpan.FromSeconds(1), "MassTransit alone waits 3 s");
        delays.Should().OnlyContain(d => d <= ReceiveTransportRetry.Longest * 1.25, "the longest wait, give or take its 25 % jitter");
        current!.IsHandled(new AlreadyClosedException(new RabbitMQ.Client.Events.ShutdownEventArgs(RabbitMQ.Client.ShutdownInitiator.Library, 0, "End of stream")))
            .Should().BeTrue("a dropped connection is retried");
        current.IsHandled(new AuthenticationFailureException("ACCESS_REFUSED")).Should().BeFalse("a refused account is not fixed by asking again");
    }

    static List<TimeSpan> Delays(IRetryPolicy policy, Exception failure, int count)
    {
        var delays = new List<TimeSpan>();
        using var policyContext = policy.CreatePolicyContext(new Attempt());
        policyContext.CanRetry(failure, out var retry).Should().BeTrue();
        for (var i = 0; i < count && retry is not null; i++)
        {
            delays.Add(retry.Delay ?? TimeSpan.Zero);
            if (!retry.CanRetry(failure, out var next))
                break;
            retry = next;
        }
        delays.Should().HaveCount(count, "the endpoint keeps trying");
        return delays;
    }

    sealed class Attempt : BasePipeContext, PipeContext;
}
