using System.Diagnostics;
using MlaRequests.Benchmarks.Infrastructure;
using MlaRequests.Benchmarks.References;
using MlaRequests.Benchmarks.Results;
using MlaRequests.Contracts;
using MlaRequests.Domain.Requests;
using MlaRequests.Node.Delivery;
using NodaTime;

namespace MlaRequests.Benchmarks.Measures;

/// <summary>
/// A backlog after a partition: <c>Backlog</c> requests transmitted to Kyrgyzstan wait in the Kazakh node's durable
/// delivery table (the rows the branch workflow writes, state <c>Queued</c>) while the node's link is down. The link heals
/// (the node comes back) and the node signs and sends them all (broker-confirmed, <c>Sent</c>): the drain rate. Then the
/// Kyrgyz node, whose own link was down as well, comes back and drains its inbound queue: each envelope checked, applied
/// once and receipted, and each request opened as an incoming case. Reference: raw pipelined-confirm publish rate, same run.
/// </summary>
static class BacklogDrain
{
    const string SentOrDelivered = "SELECT COUNT(*) FROM CrossBorderMessages WHERE Kind = 'message' AND State IN ('Sent', 'Delivered')";

    public static async Task<MeasureResult> RunAsync(BenchOptions options)
    {
        var broker = new Broker(options.BrokerPort);
        var vhost = await broker.CreateVirtualHostAsync("drain");
        var settings = broker.NodeSettings(vhost);
        await using var kz = new BenchNode("KZ", Path.Combine(options.DataDirectory, "drain-kz"), settings);
        await using var kg = new BenchNode("KG", Path.Combine(options.DataDirectory, "drain-kg"), settings);
        await Task.WhenAll(kz.StartAsync(), kg.StartAsync()); // creates both databases and KG's inbound queue
        await Task.WhenAll(kz.StopAsync(), kg.StopAsync());
        await SeedBacklogAsync(kz.DatabasePath, options.Backlog);
        var reference = await RawRabbit.ConfirmedPublishRateAsync(broker, vhost, options.Backlog);

        // Counting starts before the node does: it begins sending while it starts up, before it reports healthy.
        var clock = Stopwatch.StartNew();
        var sending = Wait.ForCountAsync(() => Database.ScalarAsync(kz.DatabasePath, SentOrDelivered), options.Backlog, clock,
            TimeSpan.FromMinutes(3), "backlog sent");
        await kz.StartAsync();
        var sent = await sending;

        clock.Restart();
        var border = Wait.ForCountAsync(() => Database.ScalarAsync(kg.DatabasePath, "SELECT COUNT(*) FROM ReceivedEnvelopes"), options.Backlog, clock,
            TimeSpan.FromMinutes(3), "backlog applied at the Kyrgyz border");
        await kg.StartAsync();
        var applied = await border;
        var opened = await Wait.ForCountAsync(() => Database.ScalarAsync(kg.DatabasePath, "SELECT COUNT(*) FROM IncomingCaseWorkflows"), options.Backlog, clock,
            TimeSpan.FromMinutes(3), "incoming cases opened");
        var receipted = await Wait.ForCountAsync(
            () => Database.ScalarAsync(kz.DatabasePath, "SELECT COUNT(*) FROM CrossBorderMessages WHERE Kind = 'message' AND State = 'Delivered'"),
            options.Backlog, clock, TimeSpan.FromMinutes(3), "receipts back in Kazakhstan");
        var kgRss = kg.PeakRssMegabytes();

        var senderRate = sent.Rate(options.Backlog);
        var figure = new Figure("drainMessagesPerSecond", senderRate, "/s", "sender");
        var referenceFigure = new Figure("rabbitConfirmedPublishesPerSecond", reference, "/s", "raw pipelined-confirm publishes");
        return new MeasureResult("drain", $"drain of {options.Backlog:N0} messages queued while the link was down", [figure], referenceFigure,
            MeasureResult.RatioKeyOf(figure, referenceFigure), senderRate / reference, "≥ 1,000 messages/s", senderRate >= 1000,
            [
                new Figure("senderDrainSeconds", (sent.Reached - sent.FirstMoved).TotalSeconds, "s", "sender: all signed, sent and confirmed in"),
                new Figure("receiverBorderMessagesPerSecond", applied.Rate(options.Backlog), "/s", "receiver: checked and applied at the border"),
                new Figure("receiverCasesOpenedSeconds", (opened.Reached - applied.FirstMoved).TotalSeconds, "s", "receiver: every incoming case opened in"),
                new Figure("endToEndReceiptedSeconds", (receipted.Reached - applied.FirstMoved).TotalSeconds, "s", "every receipt back in KZ in"),
                new Figure("receiverPeakRssMegabytes", kgRss, "MB", "KG node peak RSS"),
            ], "Rates from the first message to the last; the sender's backlog is its durable delivery table, the receiver's its inbound queue");
    }

    /// <summary>The rows the Kazakh branch workflows would have written for <paramref name="count"/> approved requests.</summary>
    static async Task SeedBacklogAsync(string databasePath, int count)
    {
        var content = RequestContentJson.Serialize(RequestContentJson.Deserialize(Requests.ContentFor("KG")));
        var now = SystemClock.Instance.GetCurrentInstant();
        await using var db = Database.Open(databasePath);
        for (var i = 0; i < count; i++)
        {
            var transmitted = new RequestTransmitted(Guid.NewGuid(), Guid.NewGuid(), $"KZ-2026-{i + 1:000000}", "KZ", "KG", "ClassicMla", "Chisinau2002",
                Urgent: false, HasProvisionalMeasures: false, RequestContentJson.Version, content, "kz.liaison", now);
            CrossBorderQueue.Message(db, "KG", transmitted, now);
        }
        await db.SaveChangesAsync();
    }
}
