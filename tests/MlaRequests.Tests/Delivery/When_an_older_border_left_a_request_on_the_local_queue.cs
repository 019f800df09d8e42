using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Engine.Inbox;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// Before the border applied transmitted requests itself it published them to the node's own queue. A node upgraded
/// with some still queued there applies them: none is lost in the upgrade.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_an_older_border_left_a_request_on_the_local_queue : IDisposable
{
    readonly TestDirectory _data = new();
    readonly FakeClock _clock = new(Instant.FromUtc(2026, 4, 6, 5, 0));

    [Fact]
    public async Task The_request_becomes_an_incoming_case_once()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        await using var node = new NodeFactory(_data.Path, _clock, RabbitBroker.Settings(virtualHost));
        _ = node.Services;
        var now = _clock.GetCurrentInstant();
        var request = new RequestTransmitted(Guid.NewGuid(), Guid.NewGuid(), "KG-2026-000044", "KG", "KZ", "ClassicMla", "Untoc", false, false,
            RequestContentJson.Version, RequestContentJson.Serialize(TestContent.Complete(LegalBasis.Untoc, "KZ")), "kg.liaison", now);

        var bus = await TestBus.StartAsync(virtualHost, "KZ");
        try
        {
            // What an older border did after checking the envelope: publish the contract to the node's own workflows.
            // Twice, as a redelivery after a crash between publish and commit would: the second copy is a no-op.
            Guid[] copies = [Guid.NewGuid(), Guid.NewGuid()];
            foreach (var messageId in copies)
                await bus.Publish(request, c => c.MessageId = messageId);
            await node.IncomingIn(request.BranchId, "Received", TestTimeouts.Delivery);
            await Eventually.Until(() => node.Query(db => Task.FromResult(db.Set<InboxMessage>().Count(m => copies.Contains(m.MessageId)))),
                consumed => consumed == 2, TestTimeouts.Delivery, "both copies consumed");
            (await node.Query(db => Task.FromResult(db.IncomingCases.Count(c => c.Id == request.BranchId)))).Should().Be(1);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    public void Dispose() => _data.Dispose();
}
