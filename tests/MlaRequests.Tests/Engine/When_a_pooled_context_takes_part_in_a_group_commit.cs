using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Engine.Inbox;
using MlaRequests.Engine.Persistence;
using MlaRequests.Node.Persistence;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Engine;

/// <summary>
/// The node's contexts are pooled, and a consumed message's context works on the group transaction's connection while
/// its unit runs. Afterwards it must be back on a connection of its own: the group's is disposed at commit, and the
/// next scope that leases the same context must be able to read and write.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_pooled_context_takes_part_in_a_group_commit : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task Every_context_the_pool_hands_out_afterwards_reads_and_writes_on_a_connection_of_its_own()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 9, 1, 6, 0));
        await using var node = new NodeFactory(_data.Path, clock);
        var gate = node.Services.GetRequiredService<EngineDatabase>().Gate;
        var groupConnections = new HashSet<System.Data.Common.DbConnection>(ReferenceEqualityComparer.Instance);
        var contexts = new HashSet<NodeDbContext>(ReferenceEqualityComparer.Instance);

        for (var i = 0; i < 20; i++)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
            contexts.Add(db);
            await gate.RunInGroupAsync(db, async () =>
            {
                groupConnections.Add(db.Database.GetDbConnection());
                db.Add(new InboxMessage { MessageId = Guid.NewGuid(), ConsumerId = Guid.Empty, ConsumedAt = clock.GetCurrentInstant() });
                await db.SaveChangesAsync();
                return true;
            });
        }

        var reused = 0;
        for (var i = 0; i < 20; i++)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
            reused += contexts.Contains(db) ? 1 : 0;
            groupConnections.Should().NotContain(db.Database.GetDbConnection(), "a group's connection is disposed at its commit and never handed on");
            (await db.Set<InboxMessage>().CountAsync(m => m.ConsumerId == Guid.Empty)).Should().Be(20 + i);
            db.Add(new InboxMessage { MessageId = Guid.NewGuid(), ConsumerId = Guid.Empty, ConsumedAt = clock.GetCurrentInstant() });
            (await db.SaveChangesAsync()).Should().Be(1);
        }
        reused.Should().BePositive("the pool hands contexts that took part in a group out again");
    }

    public void Dispose() => _data.Dispose();
}
