using System.Diagnostics;
using MlaRequests.Benchmarks.Infrastructure;
using MlaRequests.Benchmarks.Results;

namespace MlaRequests.Benchmarks.Measures;

/// <summary>
/// Page latency with <c>StoredRequests</c> requests stored (seeded straight into the database in the node's own shape), the
/// node a real process on RabbitMQ, each call over HTTP one after another: the request list (liaison officer: every request
/// of the node, first page with its total), a search (a case reference, so the whole table is searched), and the
/// supervisor's dashboard page. The node's peak RSS (VmHWM) is read at the end.
/// </summary>
static class ApiLatency
{
    const int WarmUp = 20;

    public static async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchOptions options)
    {
        var broker = new Broker(options.BrokerPort);
        var vhost = await broker.CreateVirtualHostAsync("api");
        await using var node = new BenchNode("KZ", Path.Combine(options.DataDirectory, "api"), broker.NodeSettings(vhost));
        await node.StartAsync();
        await node.StopAsync();
        var seeding = Stopwatch.StartNew();
        await RequestSeeder.SeedAsync(node.DatabasePath, options.StoredRequests);
        var seeded = seeding.Elapsed;

        await node.StartAsync();
        var liaison = await node.SignInAsync("kz.liaison");
        var prosecutor = await node.SignInAsync("kz.prosecutor");
        var supervisor = await node.SignInToUiAsync("kz.supervisor");
        var searchTerm = $"ALM-{options.StoredRequests / 3:000000}";

        var list = await SampleAsync(liaison, "/api/requests?page=1&pageSize=50", options.Samples);
        var ownOffice = await SampleAsync(prosecutor, "/api/requests?page=1&pageSize=50", options.Samples);
        var search = await SampleAsync(liaison, $"/api/requests?q={searchTerm}", options.Samples);
        var dashboard = await SampleAsync(supervisor, "/Dashboard", options.Samples);
        var rss = node.PeakRssMegabytes();
        await node.StopAsync();

        var stored = new Figure("storedRequests", options.StoredRequests, "requests", "stored");
        return
        [
            Latency("apiList", "API latency: request list", list, 100, stored, [Percentile("ownOfficeListP95Milliseconds", ownOffice, 95, "prosecutor's own office p95")]),
            Latency("apiSearch", "API latency: search", search, 100, stored, []),
            Latency("apiDashboard", "API latency: supervisor dashboard", dashboard, 200, stored, []),
            new MeasureResult("memory", "node memory (peak RSS), 100,000 requests stored, benchmark running",
                [new Figure("peakRssMegabytes", rss, "MB", "VmHWM")], null, null, null, "< 250 MB", rss < 250,
                [stored, new Figure("seedSeconds", seeded.TotalSeconds, "s", "seeded in")]),
        ];
    }

    static MeasureResult Latency(string key, string title, List<double> samples, double targetMilliseconds, Figure stored, Figure[] extra)
    {
        var p95 = Percentile($"{key}P95Milliseconds", samples, 95, "p95");
        return new MeasureResult(key, title, [Percentile($"{key}P50Milliseconds", samples, 50, "p50"), p95], null, null, null,
            $"p95 < {targetMilliseconds} ms", p95.Value < targetMilliseconds,
            [stored, Percentile($"{key}P99Milliseconds", samples, 99, "p99"), new Figure($"{key}Samples", samples.Count, "calls", "samples"), .. extra]);
    }

    static Figure Percentile(string key, List<double> samples, double percent, string label) => new(key, Percentiles.Of(samples, percent), "ms", label);

    static async Task<List<double>> SampleAsync(HttpClient client, string path, int samples)
    {
        var latencies = new List<double>();
        for (var i = 0; i < samples + WarmUp; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
            if (i >= WarmUp)
                latencies.Add(elapsed);
        }
        return latencies;
    }
}
