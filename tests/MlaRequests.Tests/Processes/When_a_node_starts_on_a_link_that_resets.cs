using System.Diagnostics;
using System.Net;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Processes;

/// <summary>
/// A node starting on a link that resets now and then declares its broker routing (47 bindings) where the last reset
/// left off, instead of all over again: before, with 1 % of chunks reset, it took 43 s to become ready, once more than 240 s.
/// </summary>
[Trait("Category", "RabbitMq")]
public sealed class When_a_node_starts_on_a_link_that_resets : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task It_is_ready_within_30_seconds_when_1_percent_of_the_chunks_reset()
    {
        var settings = RabbitBroker.Settings(await RabbitBroker.CreateVirtualHostAsync());
        settings["RabbitMq:Heartbeat"] = "00:00:03";
        // The slow link of When_the_link_is_slow_resets_and_goes_dark (200 ± 100 ms each way), 1 % of its chunks reset.
        await using var proxy = new FaultProxy(RabbitBroker.Port) { Latency = (TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100)), ResetProbability = 0.01 };
        settings["RabbitMq:Port"] = proxy.Port.ToString();
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), settings);

        var started = Stopwatch.StartNew();
        await kz.StartAsync(probe: "/health");
        await Eventually.Until(async () => (await kz.Client.GetAsync("/health/ready")).StatusCode, s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30) - started.Elapsed, $"KZ ready within 30 s of its start (resets so far: {proxy.Resets})");
        proxy.Resets.Should().BeGreaterThan(0, "the link did reset while the node started");
        Console.WriteLine($"ready after {started.Elapsed.TotalSeconds:F1} s, {proxy.Resets} resets");
        kz.Log.Should().Contain("Consume bindings declared");
    }

    public void Dispose() => _data.Dispose();
}
