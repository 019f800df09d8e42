using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Node.Persistence;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Engine;

[Trait(Tier.Name, Tier.Integration)]
public sealed class When_two_writers_update_the_same_workflow : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task The_second_stale_save_is_refused_so_the_endpoint_retry_reruns_it()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 9, 1, 6, 0));
        await using var node = new NodeFactory(_data.Path, clock);
        var id = await Scenario.DraftAsync(node);

        await using var first = node.Services.CreateAsyncScope();
        await using var second = node.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<NodeDbContext>();
        var b = second.ServiceProvider.GetRequiredService<NodeDbContext>();
        var stateA = await a.OutgoingRequestWorkflows.SingleAsync(x => x.CorrelationId == id);
        var stateB = await b.OutgoingRequestWorkflows.SingleAsync(x => x.CorrelationId == id);

        stateA.NoteCount++;
        stateA.Version++;
        await a.SaveChangesAsync();
        stateB.NoteCount++;
        stateB.Version++;
        var stale = () => b.SaveChangesAsync();

        await stale.Should().ThrowAsync<DbUpdateConcurrencyException>("the version it loaded is no longer current");
        (await node.Request(id))!.NoteCount.Should().Be(1, "the lost update was not written");
    }

    public void Dispose() => _data.Dispose();
}
