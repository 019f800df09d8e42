using System.Diagnostics;
using System.Net;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Processes;

/// <summary>
/// A node starting on a slow link that resets now and then declares its broker routing (47 bindings) where the last
/// reset left off, instead of all over again, and its endpoints reconnect within seconds, not MassTransit's 3 to 30 s:
/// before, with 1 % of chunks reset, it took 43 s to become ready, once more than 240 s, and after the routing was
/// resumable still 28 s. Timed from the moment the process answers <c>/health</c>, so the machine's own start-up time
/// is not counted.
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_a_node_starts_on_a_link_that_resets : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task It_is_ready_within_30_seconds_when_1_percent_of_the_chunks_reset()
    {
        var settings = RabbitBroker.Settings(await RabbitBroker.CreateVirtualHostAsync());
        settings["RabbitMq:Heartbeat"] = "00:00:03";
        // The slow link of When_the_link_is_slow_resets_and_goes_dark (200 ± 100 ms each way), every 100th chunk reset: the
        // issue's 1 %, counted rather than drawn, so that no run starts without a reset (which would prove nothing).
        await using var proxy = new FaultProxy(RabbitBroker.Port) { Latency = (TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100)), ResetEvery = 100 };
        settings["RabbitMq:Port"] = proxy.Port.ToString();
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), settings);

        await kz.StartAsync(probe: "/health");
        var alive = Stopwatch.StartNew();
        await Eventually.Until(async () =>
            {
                using var response = await kz.Client.GetAsync("/health/ready");
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }, r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30),
            "KZ ready (every readiness check passing: its broker routing declared, its bus connected) within 30 s");
        proxy.Resets.Should().BeGreaterThan(0, "the link did reset while the node started");
        Console.WriteLine($"ready {alive.Elapsed.TotalSeconds:F1} s after the process answered; {proxy.Resets} resets in {proxy.Chunks} chunks");
        Console.WriteLine(string.Join("\n", kz.Log.Split('\n').Where(l => l.Contains("bindings declared", StringComparison.Ordinal) || l.Contains("failed (attempt", StringComparison.Ordinal))));
    }

    public void Dispose() => _data.Dispose();
}
