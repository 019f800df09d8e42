using System.Diagnostics;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// The test broker started by <c>scripts/test.sh</c> (a private RabbitMQ on 127.0.0.1). Each test
/// gets its own virtual host so queues left by one test never feed another.
/// </summary>
public static class RabbitBroker
{
    public static ushort Port { get; } = ushort.Parse(Environment.GetEnvironmentVariable("MLA_TEST_RABBITMQ_PORT") ?? "5679");

    public static async Task<string> CreateVirtualHostAsync()
    {
        var name = $"test-{Guid.NewGuid():N}";
        await Ctl("add_vhost", name);
        await Ctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return name;
    }

    public static Dictionary<string, string?> Settings(string virtualHost) => new()
    {
        ["RabbitMq:Host"] = "127.0.0.1",
        ["RabbitMq:Port"] = Port.ToString(),
        ["RabbitMq:VirtualHost"] = virtualHost,
    };

    /// <summary>Runs rabbitmqctl against the test broker and returns what it printed.</summary>
    public static async Task<string> Ctl(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "scripts", "broker.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("ctl");
        start.ArgumentList.Add(Port.ToString());
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}. Is the test broker running (scripts/test.sh starts it)?");
        return output;
    }
}
