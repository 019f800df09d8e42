using System.Diagnostics;
using System.Net;
using MlaRequests.Benchmarks.Infrastructure;
using MlaRequests.Benchmarks.References;
using MlaRequests.Benchmarks.Results;
using MlaRequests.Domain;
using NodaTime;

namespace MlaRequests.Benchmarks.Measures;

/// <summary>
/// Cross-node status propagation: a liaison officer's approval on the Kazakh node until the request is visible on the
/// Kyrgyz node's API (<c>GET /api/incoming/{id}</c> answers 200). In between: the approval's commit, the request and branch
/// workflows, the signed envelope through the broker, the border check and the incoming case's commit on the other node.
/// Reference: one persistent message's publish → consume on a quorum queue, same broker, same run.
/// </summary>
static class PropagationLatency
{
    public static async Task<MeasureResult> RunAsync(BenchOptions options)
    {
        var broker = new Broker(options.BrokerPort);
        var vhost = await broker.CreateVirtualHostAsync("propagation");
        var settings = broker.NodeSettings(vhost);
        await using var kz = new BenchNode("KZ", Path.Combine(options.DataDirectory, "propagation-kz"), settings);
        await using var kg = new BenchNode("KG", Path.Combine(options.DataDirectory, "propagation-kg"), settings);
        await Task.WhenAll(kz.StartAsync(), kg.StartAsync());
        var prosecutor = await kz.SignInAsync("kz.prosecutor");
        var liaison = await kz.SignInAsync("kz.liaison");
        var observer = await kg.SignInAsync("kg.liaison");
        await using var kgCases = await Database.RowWatch.OpenAsync(kg.DatabasePath, "IncomingCases");

        const int warmUp = 5;
        var latencies = new List<double>();
        var samples = new List<Sample>();
        for (var i = 0; i < options.Samples + warmUp; i++)
        {
            var id = await Requests.CreateAsync(prosecutor, "KG");
            await Requests.WaitForStatusAsync(prosecutor, id, "Draft");
            await Requests.StepAsync(prosecutor, $"/api/requests/{id}/submit");
            await Requests.WaitForStatusAsync(liaison, id, "InReview");
            var incoming = $"/api/incoming/{DeterministicGuid.Branch(id, "KG")}";

            var caseId = DeterministicGuid.Branch(id, "KG");
            var startedAt = SystemClock.Instance.GetCurrentInstant();
            var clock = Stopwatch.StartNew();
            await Requests.StepAsync(liaison, $"/api/requests/{id}/approve");
            // Watch KG's database as a second reader would (a prepared point query every millisecond, outside KG's
            // process) and then ask KG's API: polling the API itself every millisecond took CPU from the two nodes
            // on a two-core box and slowed what it measured.
            while (!await kgCases.ExistsAsync(caseId))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                    throw new TimeoutException($"request {id} never arrived on KG");
                await Task.Delay(1);
            }
            var inDatabaseAt = SystemClock.Instance.GetCurrentInstant();
            while ((await observer.GetAsync(incoming)).StatusCode != HttpStatusCode.OK)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                    throw new TimeoutException($"request {id} is in KG's database but not on its API");
                await Task.Delay(1);
            }
            if (i >= warmUp)
            {
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                samples.Add(new Sample(caseId, startedAt, inDatabaseAt, SystemClock.Instance.GetCurrentInstant()));
            }
        }

        var stages = await StagesAsync(kz.DatabasePath, kg.DatabasePath, samples);
        var raw = await RawRabbit.RoundTripsAsync(broker, vhost, 500);
        var p50 = new Figure("propagationP50Milliseconds", Percentiles.Of(latencies, 50), "ms", "p50");
        var p95 = new Figure("propagationP95Milliseconds", Percentiles.Of(latencies, 95), "ms", "p95");
        var p99 = new Figure("propagationP99Milliseconds", Percentiles.Of(latencies, 99), "ms", "p99");
        var reference = new Figure("rabbitRoundTripP95Milliseconds", Percentiles.Of(raw, 95), "ms", "raw RabbitMQ publish→consume p95");
        var ratio = p95.Value / reference.Value;
        return new MeasureResult("propagation", "cross-node status propagation (approval on KZ visible on KG)", [p50, p95, p99], reference,
            MeasureResult.RatioKeyOf(p95, reference), ratio, "p95 ≤ 3 × reference and < 50 ms", ratio <= 3 && p95.Value < 50,
            [
                new Figure("samples", latencies.Count, "approvals", "samples"),
                new Figure("rabbitRoundTripP50Milliseconds", Percentiles.Of(raw, 50), "ms", "raw RabbitMQ p50"),
                new Figure("rabbitRoundTripP99Milliseconds", Percentiles.Of(raw, 99), "ms", "raw RabbitMQ p99"),
                new Figure("kzPeakRssMegabytes", kz.PeakRssMegabytes(), "MB", "KZ node peak RSS"),
                .. stages,
            ], "Measured from sending the approval (HTTP) to the first 200 from KG's API, asked once KG's database (read every millisecond from outside) has the case");
    }

    sealed record Sample(Guid CaseId, Instant Started, Instant InDatabase, Instant OnApi);

    /// <summary>
    /// Where the time goes, stage by stage (p50 of each), from what the two nodes recorded on the same clock: the approval
    /// stamped by KZ's API, the request workflow's unit of work queueing the envelope, the delivery round sending it, KG's
    /// border consuming it, and the case in KG's database and on its API.
    /// </summary>
    static async Task<Figure[]> StagesAsync(string kzDatabase, string kgDatabase, List<Sample> samples)
    {
        var stages = new List<double>[6];
        for (var i = 0; i < stages.Length; i++)
            stages[i] = [];
        foreach (var sample in samples)
        {
            var id = sample.CaseId.ToString("D").ToUpperInvariant();
            var approved = await Database.ScalarAsync(kzDatabase, $"SELECT MIN(At) FROM Timeline WHERE BranchId = '{id}'");
            var queued = await Database.ScalarAsync(kzDatabase, $"SELECT CreatedAt FROM CrossBorderMessages WHERE CorrelationId = '{id}' AND ContractType = 'RequestTransmitted'");
            var sent = await Database.ScalarAsync(kzDatabase, $"SELECT LastSentAt FROM CrossBorderMessages WHERE CorrelationId = '{id}' AND ContractType = 'RequestTransmitted'");
            var consumed = await Database.ScalarAsync(kgDatabase, $"SELECT ReceivedAt FROM IncomingCases WHERE Id = '{id}'");
            long[] at = [sample.Started.ToUnixTimeTicks(), approved, queued, sent, consumed, sample.InDatabase.ToUnixTimeTicks(), sample.OnApi.ToUnixTimeTicks()];
            for (var i = 0; i < stages.Length; i++)
                stages[i].Add((at[i + 1] - at[i]) / (double)TimeSpan.TicksPerMillisecond);
        }
        string[] keys = ["ApiToApproval", "ApprovalToRequestWorkflow", "RequestWorkflowToDeliveryRound", "DeliveryRoundToKgBorder", "KgBorderToKgDatabase", "KgDatabaseToKgApi"];
        string[] labels =
        [
            "stage p50: HTTP approve → approval stamped on KZ",
            "→ request workflow's unit (outbox, broker, consume)",
            "→ delivery round starts (commit, wake)",
            "→ KG's border consumes (sign, broker, consume)",
            "→ case in KG's database (commit, seen)",
            "→ case on KG's API",
        ];
        return [.. keys.Select((key, i) => new Figure($"stage{key}P50Milliseconds", Percentiles.Of(stages[i], 50), "ms", labels[i]))];
    }
}
