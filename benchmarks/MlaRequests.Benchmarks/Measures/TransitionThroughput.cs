using System.Diagnostics;
using MassTransit;
using MlaRequests.Benchmarks.Infrastructure;
using MlaRequests.Benchmarks.References;
using MlaRequests.Benchmarks.Results;
using MlaRequests.Engine.Outbox;
using MlaRequests.Workflows.Requests;
using NodaTime;

namespace MlaRequests.Benchmarks.Measures;

/// <summary>
/// Durable workflow transitions per second on one node process over RabbitMQ: <c>Instances</c> request workflows, then
/// <c>Events</c> note events queued for them while the node is stopped; the node starts and applies them (each one an
/// inbox check, load, transition, versioned save, inbox row and an outbox row for the event it publishes, committed with
/// <c>synchronous=FULL</c> before the ack). Reference: raw single-row SQLite commits on the same disk, same run.
/// </summary>
static class TransitionThroughput
{
    public static async Task<MeasureResult> RunAsync(BenchOptions options)
    {
        var broker = new Broker(options.BrokerPort);
        var vhost = await broker.CreateVirtualHostAsync("transitions");
        var data = Path.Combine(options.DataDirectory, "transitions");
        await using var node = new BenchNode("KZ", data, broker.NodeSettings(vhost));
        await node.StartAsync();

        var prosecutor = await node.SignInAsync("kz.prosecutor");
        var ids = new List<Guid>();
        foreach (var chunk in Enumerable.Range(0, options.Instances).Chunk(8))
            ids.AddRange(await Task.WhenAll(chunk.Select(_ => Requests.CreateAsync(prosecutor, "KG"))));
        await Wait.ForCountAsync(() => Database.ScalarAsync(node.DatabasePath, "SELECT COUNT(*) FROM OutgoingRequestWorkflows"),
            options.Instances, Stopwatch.StartNew(), TimeSpan.FromMinutes(1), "request workflows");
        await node.StopAsync();

        await QueueEventsAsync(broker, vhost, ids, options.Events);
        var sqliteBefore = await RawSqlite.CommitsPerSecondAsync(data, TimeSpan.FromSeconds(5));

        // Counting starts before the node does: it consumes while it starts up, before it reports healthy.
        var clock = Stopwatch.StartNew();
        var applying = Wait.ForCountAsync(() => Database.ScalarAsync(node.DatabasePath, "SELECT SUM(NoteCount) FROM OutgoingRequestWorkflows"),
            options.Events, clock, TimeSpan.FromMinutes(4), "note events applied");
        await node.StartAsync();
        // Where the time goes: CPU of the node and of the broker per transition, from the node's healthy start to the end.
        var brokerProcess = CpuTime.BrokerProcess(broker.Port);
        var (nodeCpu, brokerCpu, appliedAtStart, wall) = (CpuTime.Of(node.ProcessId!.Value), brokerProcess is { } b ? CpuTime.Of(b) : TimeSpan.Zero,
            await Database.ScalarAsync(node.DatabasePath, "SELECT SUM(NoteCount) FROM OutgoingRequestWorkflows"), clock.Elapsed);
        var progress = await applying;
        var measured = Math.Max(1, options.Events - appliedAtStart);
        var nodeCpuPerTransition = (CpuTime.Of(node.ProcessId!.Value) - nodeCpu).TotalMilliseconds / measured;
        var brokerCpuPerTransition = brokerProcess is { } pid ? (CpuTime.Of(pid) - brokerCpu).TotalMilliseconds / measured : double.NaN;
        var wallPerTransition = (progress.Reached - wall).TotalMilliseconds / measured;
        var rss = node.PeakRssMegabytes();
        await node.StopAsync();
        // Reference measured right before and right after the node's run and averaged: the disk is shared with other work.
        var sqliteAfter = await RawSqlite.CommitsPerSecondAsync(data, TimeSpan.FromSeconds(5));
        var sqlite = (sqliteBefore + sqliteAfter) / 2;

        var rate = progress.Rate(options.Events);
        var figure = new Figure("transitionsPerSecond", rate, "/s", "");
        var reference = new Figure("sqliteCommitsPerSecond", sqlite, "/s", "raw SQLite WAL FULL commits");
        var ratio = rate / sqlite;
        return new MeasureResult("transitions", "durable workflow transitions per second, one node", [figure], reference,
            MeasureResult.RatioKeyOf(figure, reference), ratio, "≥ 0.5 × reference", ratio >= 0.5,
            [
                new Figure("events", options.Events, "events", "events"),
                new Figure("instances", options.Instances, "workflows", "over"),
                new Figure("drainSeconds", progress.Reached.TotalSeconds, "s", "all applied after start in"),
                new Figure("nodePeakRssMegabytes", rss, "MB", "node peak RSS"),
                new Figure("nodeCpuMillisecondsPerTransition", nodeCpuPerTransition, "ms", "node CPU per transition"),
                new Figure("brokerCpuMillisecondsPerTransition", brokerCpuPerTransition, "ms", "broker CPU per transition"),
                new Figure("wallMillisecondsPerTransition", wallPerTransition, "ms", "wall time per transition"),
                new Figure("sqliteCommitsPerSecondBefore", sqliteBefore, "/s", "raw SQLite before"),
                new Figure("sqliteCommitsPerSecondAfter", sqliteAfter, "/s", "and after"),
            ], "Over RabbitMQ (quorum queues, publisher confirms), node as a Release process");
    }

    /// <summary>Publishes the events into the node's exchange (bound to its workflow queue) while the node is stopped.</summary>
    static async Task QueueEventsAsync(Broker broker, string vhost, List<Guid> ids, int events)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host("127.0.0.1", broker.Port, vhost, h =>
            {
                h.Username(Broker.Username);
                h.Password(Broker.Password);
            });
            cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, "kz."));
            cfg.ConfigureJsonSerializerOptions(MessageJson.Configure);
        });
        await bus.StartAsync();
        try
        {
            var now = SystemClock.Instance.GetCurrentInstant();
            foreach (var chunk in Enumerable.Range(0, events).Chunk(500))
                await Task.WhenAll(chunk.Select(i => bus.Publish(new RequestNoteAdded(ids[i % ids.Count], NewId.NextGuid(), now))));
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
