using MassTransit;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Requests;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Engine;

[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_workflow_publishes_an_event_nobody_subscribes_to : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task The_event_leaves_the_outbox_at_once_instead_of_being_retried_forever()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 7, 1, 8, 0));
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        await using var node = new NodeFactory(_data.Path, clock, RabbitBroker.Settings(virtualHost));
        var id = await Scenario.DraftAsync(node);

        // The note event's workflow publishes RequestNoteRecorded, which no endpoint of the node consumes.
        await node.Bus.Publish(new RequestNoteAdded(id, NewId.NextGuid(), clock.GetCurrentInstant()));

        await Eventually.Until(async () => (await node.Request(id))!, w => w.NoteCount == 1, TestTimeouts.Workflow, "the note to be applied");
        var outbox = await Eventually.Until(() => node.Outbox(), rows => rows.Count == 0, TestTimeouts.Workflow,
            "the published event to leave the outbox (the broker has nowhere to route it, and that is no failure)");
        outbox.Should().BeEmpty();
    }

    public void Dispose() => _data.Dispose();
}
