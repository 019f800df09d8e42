using System.Diagnostics;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Hosting;

/// <summary>The node process is started with one bad setting: it stops at once, naming the setting, before opening anything.</summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_the_configuration_is_wrong : IDisposable
{
    readonly TestDirectory _data = new();

    [Theory]
    [InlineData("Node:Code", null, "Node:Code is missing")]
    [InlineData("Node:Code", "RU", "Node:Code must be one of KZ, KG, TJ, TM, UZ (was 'RU')")]
    [InlineData("RabbitMq:Url", "http//broker", "RabbitMq:Url must look like amqp://")]
    [InlineData("RabbitMq:Port", "five", "'RabbitMq:Port'")]
    [InlineData("CrossBorder:TrustedKeys:XX", "AAAA", "CrossBorder:TrustedKeys:XX names an unknown node code")]
    [InlineData("CrossBorder:SigningKey", "not-a-key", "CrossBorder:SigningKey is not a base64 PKCS#8 P-256 private key")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317", "Telemetry:OtlpEndpoint must be an http(s) URL")]
    [InlineData("Demo:ClockSpeed", "0", "Demo:ClockSpeed must be a positive number")]
    [InlineData("Limits:TextLength", "0", "Limits:TextLength must be positive")]
    [InlineData("Limits:NameLength", "30000", "Limits:NameLength must be between 1 and Limits:TextLength")]
    [InlineData("Limits:BodyBytes", "lots", "'Limits:BodyBytes'")]
    public async Task The_node_stops_at_start_up_with_a_message_naming_the_setting(string setting, string? value, string message)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.NodeAssembly);
        start.ArgumentList.Add($"--Node:DataDirectory={_data.Path}");
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        if (setting != "Node:Code")
            start.ArgumentList.Add("--Node:Code=KZ");
        if (value is not null)
            start.ArgumentList.Add($"--{setting}={value}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TestTimeouts.Start);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill();
        }

        process.ExitCode.Should().Be(2, await output);
        (await errors).Should().Contain("invalid configuration").And.Contain(message);
        Directory.EnumerateFiles(_data.Path, "*.db").Should().BeEmpty("nothing is opened before the settings are valid");
    }

    public void Dispose() => _data.Dispose();
}
