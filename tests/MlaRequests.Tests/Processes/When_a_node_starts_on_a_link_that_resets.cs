using System.Diagnostics;
using System.Net;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Processes;

/// <summary>
/// A node starting on a slow link that resets now and then declares its broker routing (60 bindings) in one round trip,
/// and its endpoints reconnect within seconds, not MassTransit's 3 to 30 s: before, with 1 % of chunks reset, it took 43 s
/// to become ready, once more than 240 s; with the routing declared one binding at a time on 16 channels 7 to 17 s, and
/// once, on a loaded machine, more than 30 s; with it sent together 4 to 9 s. Timed from the moment the process answers <c>/health</c>, so the machine's own start-up time
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
        // Should it ever be late, the log says which connection, reset and retry took the time.
        settings["Logging:Console:FormatterOptions:SingleLine"] = "true";
        settings["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ";
        settings["Logging:LogLevel:MassTransit"] = "Debug";
        // The slow link of When_the_link_is_slow_resets_and_goes_dark (200 ± 100 ms each way), every 100th chunk reset: the
        // issue's 1 %, counted rather than drawn, and the first already at the 25th chunk, while the node is still connecting,
        // so that no run becomes ready before any reset (which would prove nothing).
        await using var proxy = new FaultProxy(RabbitBroker.Port)
        {
            Latency = (TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100)), ResetEvery = 100, ResetFirstAt = 25,
        };
        settings["RabbitMq:Port"] = proxy.Port.ToString();
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), settings);

        await kz.StartAsync(probe: "/health");
        var alive = Stopwatch.StartNew();
        try
        {
            await Eventually.Until(async () =>
                {
                    using var response = await kz.Client.GetAsync("/health/ready");
                    return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
                }, r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30),
                "KZ ready (every readiness check passing: its broker routing declared, its bus connected) within 30 s");
        }
        catch (TimeoutException)
        {
            Console.WriteLine($"answered /health at {DateTime.Now - alive.Elapsed:HH:mm:ss.fff}; {proxy.Resets} resets in {proxy.Chunks} chunks\n"
                + string.Join("\n", kz.Log.Split('\n').Where(Telling)));
            throw;
        }
        var resetsWhileStarting = proxy.Resets;
        resetsWhileStarting.Should().BeGreaterThan(0, "the link did reset while the node started");
        Console.WriteLine($"ready {alive.Elapsed.TotalSeconds:F1} s after the process answered; {resetsWhileStarting} resets by then, {proxy.Resets} in {proxy.Chunks} chunks");
        Console.WriteLine(string.Join("\n", kz.Log.Split('\n').Where(l => l.Contains("bindings declared", StringComparison.Ordinal) || l.Contains("failed (attempt", StringComparison.Ordinal))));
    }

    static bool Telling(string line) =>
        new[] { "Connect", "Disconnect", "Retrying", "Endpoint Faulted", "Endpoint Ready", "bindings", "Cannot Retry", "out of reach" }
            .Any(word => line.Contains(word, StringComparison.Ordinal));

    public void Dispose() => _data.Dispose();
}
