using System.Diagnostics;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Processes;

[Trait("Category", "RabbitMq")]
[Trait(Tier.Name, Tier.System)]
public sealed class When_the_README_walkthrough_runs : IDisposable
{
    readonly TestDirectory _data = new();

    [Fact]
    public async Task A_request_goes_from_Kazakhstan_to_Kyrgyzstan_across_two_node_processes()
    {
        var virtualHost = await RabbitBroker.CreateVirtualHostAsync();
        var settings = RabbitBroker.Settings(virtualHost);
        settings["Demo:SeedAccounts"] = "true";
        await using var kz = new NodeProcess("KZ", Path.Combine(_data.Path, "kz"), settings);
        await using var kg = new NodeProcess("KG", Path.Combine(_data.Path, "kg"), settings);
        await Task.WhenAll(kz.StartAsync(), kg.StartAsync());

        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "scripts", "walkthrough.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add($"http://127.0.0.1:{kz.Port}");
        start.ArgumentList.Add($"http://127.0.0.1:{kg.Port}");
        using var script = Process.Start(start)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TestTimeouts.Tool);
        await script.WaitForExitAsync(timeout.Token);

        script.ExitCode.Should().Be(0, $"the walk-through must run as the README shows it:\n{await output}\n{await errors}\nKZ log:\n{kz.Log}\nKG log:\n{kg.Log}");
        (await output).Should().Contain("\"status\":\"InExecution\"").And.Contain("stateDiagram-v2");
    }

    public void Dispose() => _data.Dispose();
}
