using System.Diagnostics;
using System.Text.Json;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Processes;

/// <summary>
/// A node starting on a slow link that resets now and then declares its broker routing (47 bindings) where the last
/// reset left off, instead of all over again: before, with 1 % of chunks reset, it took 43 s to become ready, once more
/// than 240 s. Timed from the moment the process answers <c>/health</c>, so the machine's own start-up time is not counted.
/// </summary>
[Trait("Category", "RabbitMq")]
public sealed class When_a_node_starts_on_a_link_that_resets : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task Its_broker_routing_is_declared_within_30_seconds_when_2_percent_of_the_chunks_reset()
    {
        var settings = RabbitBroker.Settings(await RabbitBroker.CreateVirtualHostAsync());
        settings["RabbitMq:Heartbeat"] = "00:00:03";
        // The slow link of When_the_link_is_slow_resets_and_goes_dark (200 ± 100 ms each way), 2 % of its chunks reset: twice
        // the 1 %, so that a start-up without any reset (which would prove nothing) is rare.
        await using var proxy = new FaultProxy(RabbitBroker.Port) { Latency = (TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100)), ResetProbability = 0.02 };
        settings["RabbitMq:Port"] = proxy.Port.ToString();
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), settings);

        await kz.StartAsync(probe: "/health");
        var alive = Stopwatch.StartNew();
        await Eventually.Until(async () => Check(await (await kz.Client.GetAsync("/health/ready")).Content.ReadAsStringAsync(), "broker-routing"), s => s == "Healthy",
            TimeSpan.FromSeconds(30), "KZ's broker routing declared within 30 s");
        proxy.Resets.Should().BeGreaterThan(0, "the link did reset while the node started");
        Console.WriteLine($"routing declared {alive.Elapsed.TotalSeconds:F1} s after the process answered; {proxy.Resets} resets");
        Console.WriteLine(string.Join("\n", kz.Log.Split('\n').Where(l => l.Contains("bindings declared", StringComparison.Ordinal) || l.Contains("failed (attempt", StringComparison.Ordinal))));
    }

    static string? Check(string readiness, string name) =>
        JsonDocument.Parse(readiness).RootElement.GetProperty("checks").TryGetProperty(name, out var check) ? check.GetProperty("status").GetString() : null;

    public void Dispose() => _data.Dispose();
}
