using System.Diagnostics;
using MlaRequests.Tests.Infrastructure;
using NodaTime;

namespace MlaRequests.Tests.Processes;

/// <summary>
/// KZ reaches the broker only through the fault proxy: 200 ± 100 ms each way, random connection
/// resets, then 30 s of blackhole while 1,000 cross-border milestones go to KG. Every one must arrive
/// once and be marked delivered (its signed receipt read back through the same link, still slow)
/// within a minute of the link healing (blackhole lifted, resets stopped, the latency kept). This is the test that found KZ's inbound endpoint stranded after a
/// reset during reconnection (see <c>ConsumeBindings</c>).
/// </summary>
[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_the_link_is_slow_resets_and_goes_dark : IDisposable
{
    const int Messages = 1000;
    readonly TestDirectory _data = new();

    [Fact]
    public async Task Nothing_is_lost_or_duplicated_and_all_is_delivered_within_a_minute_after_the_link_heals()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        var settings = RabbitBroker.Settings(virtualHost);
        settings["Demo:SeedAccounts"] = "true";
        settings["RabbitMq:Heartbeat"] = "00:00:03";
        settings["CrossBorder:ReceiptTimeout"] = "00:00:05";
        settings["CrossBorder:FirstRetryDelay"] = "00:00:00.500";
        settings["CrossBorder:MaxRetryDelay"] = "00:00:05";
        settings["CrossBorder:BreakDuration"] = "00:00:03";
        settings["CrossBorder:SendTimeout"] = "00:00:05";
        settings["CrossBorder:MaxAttempts"] = "1000";
        await using var proxy = new FaultProxy(RabbitBroker.Port);
        var kzSettings = new Dictionary<string, string?>(settings) { ["RabbitMq:Port"] = proxy.Port.ToString() };
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), kzSettings);
        await using var kg = new NodeProcess("KG", Path.Combine(_data.Path, "kg"), settings);
        await Task.WhenAll(kz.StartAsync(), kg.StartAsync());
        var (id, branch) = await When_the_receiving_node_is_killed.LinkedCaseAsync(kz, kg);
        var prosecutor = await kz.ApiAsync("kz.prosecutor");
        var kgLiaison = await kg.ApiAsync("kg.liaison");

        proxy.Latency = (TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100));
        proxy.ResetProbability = 0.004;
        var sender = Task.Run(async () =>
        {
            foreach (var chunk in Enumerable.Range(0, Messages).Chunk(10))
            {
                var answers = await Task.WhenAll(chunk.Select(i => prosecutor.PostAsync($"/api/requests/{id}/targets/KG/milestones",
                    new { title = $"Shared step {i:D4}", date = new LocalDate(2027, 1, 1).PlusDays(i % 300) })));
                answers.Should().OnlyContain(a => a.IsSuccessStatusCode, "the API takes every milestone while the link misbehaves");
            }
        });

        await Eventually.Until(async () => ((await kgLiaison.GetAsync($"/api/incoming/{branch}/milestones")).GetArrayLength(), proxy.Resets),
            p => p.Item1 >= Messages / 5 && p.Resets >= 2, TestTimeouts.Bulk, "a fifth of the messages and two resets through the slow link");
        proxy.Blackhole = true;
        var dark = Stopwatch.StartNew();
        await Eventually.Until(() => Task.FromResult(dark.Elapsed >= TimeSpan.FromSeconds(30)), done => done, TimeSpan.FromSeconds(35), "30 s of blackhole");
        proxy.Blackhole = false;
        proxy.ResetProbability = 0; // healed: no more resets, but the link stays as slow as it is by nature
        var healed = Stopwatch.StartNew();
        await sender;

        var supervisor = await kz.ApiAsync("kz.supervisor");
        async Task Within60sAfterHealing<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
        {
            try
            {
                await Eventually.Until(probe, done, TimeSpan.FromSeconds(60) - healed.Elapsed, what);
            }
            catch (TimeoutException timeout)
            {
                var links = await supervisor.GetAsync("/api/links");
                var log = string.Join('\n', kz.Log.Split('\n').TakeLast(60));
                throw new Xunit.Sdk.XunitException($"{timeout.Message}\nlinks: {links}\nresets: {proxy.Resets}\nKZ log tail:\n{log}");
            }
        }

        await Within60sAfterHealing(async () => (await kgLiaison.GetAsync($"/api/incoming/{branch}/milestones")).GetArrayLength(),
            n => n == Messages, "every message applied on KG within 60 s after the link healed");
        await Within60sAfterHealing(
            async () => (await supervisor.GetAsync("/api/links")).EnumerateArray().Single(l => l.GetProperty("node").GetString() == "KG"),
            l => l.GetProperty("queued").GetInt32() + l.GetProperty("sent").GetInt32() + l.GetProperty("retrying").GetInt32() == 0,
            "every message marked delivered on KZ (its receipt read back) within 60 s after the link healed");
        (await kgLiaison.GetAsync($"/api/incoming/{branch}")).GetProperty("timeline").EnumerateArray()
            .Count(t => t.GetProperty("action").GetString() == "Milestone proposed").Should().Be(Messages, "nothing duplicated");
    }

    public void Dispose() => _data.Dispose();
}
