using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using MlaRequests.Engine.Persistence;
using MlaRequests.Node.Persistence;
using MlaRequests.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MlaRequests.Tests.Delivery;

/// <summary>
/// A node whose database was made by the release before the quarantine kept sizes and summaries: it upgrades in place,
/// and what it had quarantined is still listed, redacted like anything quarantined since.
/// </summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_a_node_with_an_older_quarantine_upgrades : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task Its_quarantined_messages_are_kept_and_shown_redacted()
    {
        var path = Path.Combine(_data.Path, "node-kz.db");
        var options = ((DbContextOptionsBuilder<NodeDbContext>)new DbContextOptionsBuilder<NodeDbContext>().UseDurableSqlite(path)).Options;
        await using (var old = new NodeDbContext(options))
        {
            await old.GetService<IMigrator>().MigrateAsync("20261129222115_CrossBorderTraceParent");
            await old.Database.ExecuteSqlRawAsync("INSERT INTO QuarantinedMessages (ReceivedAt, Reason, FromNode, Body) VALUES ({0}, {1}, {2}, {3})",
                Instant.FromUtc(2026, 4, 1, 5, 0).ToUnixTimeTicks(), "forged: the signature does not verify", "KG",
                """{"persons":[{"role":"Victim","name":"Aigerim Suleimenova"}]}""");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using var node = new NodeFactory(_data.Path, new FakeClock(Instant.FromUtc(2026, 4, 6, 5, 0)));
        var admin = await node.LoginAsync("kz.admin");
        var item = (await admin.GetAsync("/api/quarantine")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("reason").GetString() == "forged: the signature does not verify");

        item.GetProperty("fromNode").GetString().Should().Be("KG");
        item.GetProperty("body").GetString().Should().Contain("Victim").And.NotContain("Suleimenova");
        (await node.Query(db => db.Database.GetPendingMigrationsAsync())).Should().BeEmpty();
    }

    public void Dispose() => _data.Dispose();
}
