using System.Diagnostics;
using MlaRequests.Tests.Infrastructure;
using NodaTime;

namespace MlaRequests.Tests.Processes;

[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_the_broker_stops_under_load : IDisposable
{
    const int Messages = 400;
    const ushort Port = 5695;
    readonly TestDirectory _data = new();

    [Fact]
    public async Task Nothing_is_lost_or_duplicated_when_it_comes_back_thirty_seconds_later()
    {
        await Broker("start");
        try
        {
            // The broker has no guest (scripts/broker.sh deletes it): the nodes use the test account.
            await Broker("ctl", false, "delete_user", RabbitBroker.Username); // a broker state kept from an earlier run
            await Broker("ctl", "add_user", RabbitBroker.Username, RabbitBroker.Password);
            await Broker("ctl", "set_permissions", "-p", "/", RabbitBroker.Username, ".*", ".*", ".*");
            var settings = new Dictionary<string, string?>
            {
                ["RabbitMq:Host"] = "127.0.0.1", ["RabbitMq:Port"] = Port.ToString(), ["RabbitMq:Heartbeat"] = "00:00:03",
                ["RabbitMq:Username"] = RabbitBroker.Username, ["RabbitMq:Password"] = RabbitBroker.Password,
                ["Demo:SeedAccounts"] = "true", ["CrossBorder:ReceiptTimeout"] = "00:00:05", ["CrossBorder:FirstRetryDelay"] = "00:00:00.500",
                ["CrossBorder:MaxRetryDelay"] = "00:00:05", ["CrossBorder:BreakDuration"] = "00:00:03", ["CrossBorder:MaxAttempts"] = "1000",
            };
            await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), settings);
            await using var kg = new NodeProcess("KG", Path.Combine(_data.Path, "kg"), settings);
            await Task.WhenAll(kz.StartAsync(), kg.StartAsync());
            var (id, branch) = await When_the_receiving_node_is_killed.LinkedCaseAsync(kz, kg);
            var prosecutor = await kz.ApiAsync("kz.prosecutor");
            var kgLiaison = await kg.ApiAsync("kg.liaison");

            var sender = Task.Run(async () =>
            {
                foreach (var chunk in Enumerable.Range(0, Messages).Chunk(8))
                {
                    var answers = await Task.WhenAll(chunk.Select(i => prosecutor.PostAsync($"/api/requests/{id}/targets/KG/milestones",
                        new { title = $"Shared step {i:D4}", date = new LocalDate(2027, 1, 1).PlusDays(i % 300) })));
                    answers.Should().OnlyContain(a => a.IsSuccessStatusCode, "the API keeps taking commands while the broker is down");
                }
            });
            await Eventually.Until(async () => (await kgLiaison.GetAsync($"/api/incoming/{branch}/milestones")).GetArrayLength(), n => n >= Messages / 5,
                TestTimeouts.Bulk, "a fifth of the messages");
            await Broker("stop");
            var down = Stopwatch.StartNew();
            await Eventually.Until(() => Task.FromResult(down.Elapsed >= TimeSpan.FromSeconds(30)), done => done, TimeSpan.FromSeconds(35), "30 s without a broker");
            await Broker("start");
            await sender;

            await Eventually.Until(async () => (await kgLiaison.GetAsync($"/api/incoming/{branch}/milestones")).GetArrayLength(), n => n == Messages,
                TestTimeouts.Bulk, "every message after the broker came back");
            var supervisor = await kz.ApiAsync("kz.supervisor");
            await Eventually.Until(async () => (await supervisor.GetAsync("/api/links")).EnumerateArray().Single(l => l.GetProperty("node").GetString() == "KG"),
                l => l.GetProperty("queued").GetInt32() + l.GetProperty("sent").GetInt32() + l.GetProperty("retrying").GetInt32() == 0,
                TestTimeouts.Bulk, "every message marked delivered");
            (await kgLiaison.GetAsync($"/api/incoming/{branch}")).GetProperty("timeline").EnumerateArray()
                .Count(t => t.GetProperty("action").GetString() == "Milestone proposed").Should().Be(Messages, "nothing duplicated");
        }
        finally
        {
            await Broker("stop");
        }
    }

    static Task Broker(string command, params string[] arguments) => Broker(command, true, arguments);

    static async Task Broker(string command, bool check, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(Repository.Root, "scripts", "broker.sh"), [command, Port.ToString(), .. arguments])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        await process.WaitForExitAsync();
        if (check)
            process.ExitCode.Should().Be(0, $"broker {command} on {Port}");
    }

    public void Dispose() => _data.Dispose();
}
