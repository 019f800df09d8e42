using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Node.Delivery;
using MlaRequests.Node.Messaging;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Branches;
using MlaRequests.Workflows.Deadlines;
using MlaRequests.Workflows.IncomingCases;
using MlaRequests.Workflows.Requests;
using NodaTime.Testing;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// The node declares the routing from each published message type to the endpoints that consume it
/// once, before the bus starts, instead of letting MassTransit re-declare it concurrently on every
/// new channel (which strands the endpoint forever under RabbitMQ.Client 7.2.2 when the link drops
/// mid-way; see <see cref="ConsumeBindings"/>). These tests hold that routing to what the workflows
/// and consumers actually consume, derived here independently from their own types.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_node_declares_its_routing_on_the_broker : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task Every_consumed_message_type_is_bound_to_its_endpoint_and_nothing_else_is()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        await using var node = new NodeFactory(_data.Path, new FakeClock(NodaTime.SystemClock.Instance.GetCurrentInstant()),
            RabbitBroker.Settings(virtualHost));
        await node.LoginAsync("kz.prosecutor");

        var expected = new HashSet<(string, string)>();
        void Expect(Type message, string endpoint) => expected.Add(($"kz.{message.Namespace}:{message.Name}", endpoint));
        foreach (var (machine, endpoint) in new (StateMachine, string)[]
                 {
                     (node.Services.GetRequiredService<OutgoingRequestStateMachine>(), "kz-outgoing-request-state"),
                     (node.Services.GetRequiredService<BranchStateMachine>(), "kz-branch-state"),
                     (node.Services.GetRequiredService<IncomingCaseStateMachine>(), "kz-incoming-case-state"),
                     (node.Services.GetRequiredService<DeadlineClockStateMachine>(), "kz-deadline-clock-state"),
                 })
        {
            foreach (var @event in machine.Events)
                Expect(@event.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Event<>))
                    .GetGenericArguments()[0], endpoint);
        }
        foreach (var consumer in new[] { typeof(RequestTransmittedConsumer), typeof(MilestoneConsumer), typeof(SharedMilestoneConsumer), typeof(EnvelopeConsumer), typeof(AutomaticStatusEnquiryConsumer) })
        {
            var endpoint = consumer == typeof(EnvelopeConsumer) ? "kz-inbound" : $"kz-{Kebab(consumer.Name[..^"Consumer".Length])}";
            foreach (var consumed in consumer.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
                Expect(consumed.GetGenericArguments()[0], endpoint);
        }

        var bound = (await RabbitBroker.Ctl("list_bindings", "-q", "-p", virtualHost, "source_name", "destination_name", "destination_kind"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(b => b[2] == "exchange" && b[0].StartsWith("kz.", StringComparison.Ordinal))
            .Select(b => (b[0], b[1]))
            .ToHashSet();

        expected.Should().NotBeEmpty();
        bound.Should().BeEquivalentTo(expected, "each consumed type reaches exactly the endpoints that consume it");
    }

    static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));

    public void Dispose() => _data.Dispose();
}
