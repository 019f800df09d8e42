using System.Diagnostics;
using RabbitMQ.Client;

namespace MlaRequests.Benchmarks.Infrastructure;

/// <summary>The private broker scripts/bench.sh started; each measure gets its own virtual host.</summary>
sealed class Broker(ushort port)
{
    public ushort Port => port;

    public async Task<string> CreateVirtualHostAsync(string name)
    {
        var vhost = $"bench-{name}-{Guid.NewGuid():N}"[..24];
        await CtlAsync("add_vhost", vhost);
        await CtlAsync("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        return vhost;
    }

    public Dictionary<string, string?> NodeSettings(string vhost) => new()
    {
        ["RabbitMq:Host"] = "127.0.0.1",
        ["RabbitMq:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RabbitMq:VirtualHost"] = vhost,
    };

    public Task<IConnection> ConnectAsync(string vhost) => new ConnectionFactory
    {
        HostName = "127.0.0.1", Port = port, VirtualHost = vhost, UserName = "guest", Password = "guest",
    }.CreateConnectionAsync();

    async Task CtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "scripts", "broker.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("ctl");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {await error}. Is the broker on {port} running (scripts/bench.sh starts it)?");
    }
}
