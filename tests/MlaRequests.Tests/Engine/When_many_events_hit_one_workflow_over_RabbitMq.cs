using MassTransit;
using MlaRequests.Tests.Infrastructure;
using MlaRequests.Workflows.Requests;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Engine;

[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_many_events_hit_one_workflow_over_RabbitMq : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task All_five_hundred_concurrent_events_are_applied()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 7, 1, 8, 0));
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        await using var node = new NodeFactory(_data.Path, clock, RabbitBroker.Settings(virtualHost));
        var id = await Scenario.DraftAsync(node);

        await Task.WhenAll(Enumerable.Range(0, 500).Select(_ =>
            node.Bus.Publish(new RequestNoteAdded(id, NewId.NextGuid(), clock.GetCurrentInstant()))));

        var state = await Eventually.Until(async () => (await node.Request(id))!, w => w.NoteCount == 500, TestTimeouts.Bulk,
            "all 500 events to be applied");
        state.Version.Should().Be(500, "the insert starts at version 0 and each event is one versioned update");
        await Consistently.For(TestTimeouts.Quiet, async () => (await node.Request(id))!.NoteCount == 500, "no event to be applied twice");
    }

    public void Dispose() => _data.Dispose();
}
