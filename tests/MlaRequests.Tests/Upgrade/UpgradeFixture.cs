using System.Text.Json;
using MassTransit;
using MlaRequests.Contracts;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Delivery;
using MlaRequests.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace MlaRequests.Tests.Upgrade;

/// <summary>
/// The node databases a released version wrote, kept under <c>Fixtures/Upgrade/&lt;release date&gt;/</c> (README there): the
/// requesting node (KZ) and the receiving node (KG) with instances in every state the release's machines have, and a
/// manifest naming each instance, its state and the fake clock's instant when the databases were closed.
/// </summary>
public static class UpgradeFixture
{
    /// <summary>The environment variable that makes <see cref="When_the_upgrade_fixture_is_made"/> write a fixture.</summary>
    public const string MakeVariable = "MLA_MAKE_UPGRADE_FIXTURE";

    /// <summary>The environment variable naming the fixture's folder (default: today's UTC date).</summary>
    public const string NameVariable = "MLA_UPGRADE_FIXTURE_NAME";

    /// <summary>The fixture of the previous release (release 3: the JIT extension, issue 15's first part), which the upgrade test opens.</summary>
    public const string Current = "2026-12-07-issue15";

    /// <summary>The fixture of release 2 (issue 14's legal steps), still opened: a node of that release may be upgraded directly.</summary>
    public const string Release2 = "2026-12-07-issue14";

    /// <summary>The fixture of the first release (release 1), still opened: a node of that release may be upgraded directly.</summary>
    public const string Release1 = "2026-12-07";

    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }
        .ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    /// <summary>The folder of fixture <paramref name="name"/> in the repository.</summary>
    public static string Folder(string name) => Path.Combine(Repository.Root, "tests", "MlaRequests.Tests", "Fixtures", "Upgrade", name);

    /// <summary>The database file of node <paramref name="code"/> in a node's data directory or a fixture folder.</summary>
    public static string DatabaseOf(string directory, string code) => Path.Combine(directory, $"node-{code.ToLowerInvariant()}.db");

    /// <summary>
    /// Copies <paramref name="database"/> (a node's closed database, WAL folded in) to <paramref name="target"/> compacted:
    /// <c>VACUUM INTO</c> writes one file without free pages, in rollback-journal mode; it is put back into write-ahead
    /// logging, as every node database is (a node's first read-only connection, EF Core's existence check, cannot switch it).
    /// </summary>
    public static void Compact(string database, string target)
    {
        SqliteConnection.ClearAllPools();
        if (File.Exists(target))
            File.Delete(target);
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        command.ExecuteNonQuery();
        using var compacted = new SqliteConnection($"Data Source={target};Pooling=False");
        compacted.Open();
        using var wal = compacted.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL";
        wal.ExecuteNonQuery();
    }

    /// <summary>Carries every envelope <paramref name="from"/> sends to <paramref name="to"/>'s inbound queue onto <paramref name="to"/>'s bus, as the broker does.</summary>
    public static async Task BridgeAsync(NodeFactory from, NodeFactory to)
    {
        var handle = from.Bus.ConnectReceiveEndpoint($"{to.Code.ToLowerInvariant()}-inbound", e =>
        {
            e.ConfigureConsumeTopology = false;
            e.Handler<CrossBorderEnvelope>(context => TestEnvelopes.DeliverAsync(to, context.Message));
        });
        await handle.Ready;
    }

    /// <summary>
    /// Waits until neither node has anything due: no outbox row and no cross-border message whose time has come, seen
    /// three polls in a row (a message in flight between the nodes shows as a cross-border message not yet delivered).
    /// </summary>
    public static async Task SettledAsync(Instant now, params NodeFactory[] nodes)
    {
        var quiet = 0;
        var deadline = DateTime.UtcNow + TestTimeouts.Workflow;
        while (quiet < 3)
        {
            var due = 0;
            foreach (var node in nodes)
                due += await node.Query(async db =>
                    await db.Set<OutboxMessage>().CountAsync(x => x.NotBefore == null || x.NotBefore <= now)
                    + await db.CrossBorderMessages.CountAsync(x => x.State != DeliveryStates.Delivered && x.NextAttemptAt != null && x.NextAttemptAt <= now));
            quiet = due == 0 ? quiet + 1 : 0;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The nodes did not settle in {TestTimeouts.Workflow}: {due} rows due.");
            await Task.Delay(TimeSpan.FromMilliseconds(150));
        }
    }
}

/// <summary>What a fixture holds: the release, the instant its clock stood at, and every instance named with its state.</summary>
/// <param name="Release">The commit whose code wrote the databases.</param>
/// <param name="Clock">The fake clock's instant when the nodes were closed: a test opening the fixture starts its clock here.</param>
/// <param name="Instances">Every instance made on purpose.</param>
public sealed record UpgradeManifest(string Release, Instant Clock, IReadOnlyList<FixtureInstance> Instances);

/// <summary>One instance of a fixture.</summary>
/// <param name="Node">KZ or KG.</param>
/// <param name="Label">What it stands for, e.g. <c>returned</c> or <c>overdue acknowledgement</c>.</param>
/// <param name="Workflow"><c>request</c>, <c>branch</c> or <c>incoming</c>.</param>
/// <param name="Id">The instance (a request, a branch, or an incoming case: KG's case has its branch's id).</param>
/// <param name="State">Its stored state.</param>
public sealed record FixtureInstance(string Node, string Label, string Workflow, Guid Id, string State);
