using System.Diagnostics;
using System.Net;
using MlaRequests.Benchmarks.Infrastructure;
using MlaRequests.Benchmarks.References;
using MlaRequests.Benchmarks.Results;
using MlaRequests.Domain;

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

        const int warmUp = 5;
        var latencies = new List<double>();
        for (var i = 0; i < options.Samples + warmUp; i++)
        {
            var id = await Requests.CreateAsync(prosecutor, "KG");
            await Requests.WaitForStatusAsync(prosecutor, id, "Draft");
            await Requests.StepAsync(prosecutor, $"/api/requests/{id}/submit");
            await Requests.WaitForStatusAsync(liaison, id, "InReview");
            var incoming = $"/api/incoming/{DeterministicGuid.Branch(id, "KG")}";

            var clock = Stopwatch.StartNew();
            await Requests.StepAsync(liaison, $"/api/requests/{id}/approve");
            while ((await observer.GetAsync(incoming)).StatusCode != HttpStatusCode.OK)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                    throw new TimeoutException($"request {id} never arrived on KG");
                await Task.Delay(1);
            }
            if (i >= warmUp)
                latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

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
            ], "Measured from sending the approval (HTTP) to the first 200 from KG's API, polled every millisecond");
    }
}
