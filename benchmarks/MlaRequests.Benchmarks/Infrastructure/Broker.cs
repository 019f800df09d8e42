using System.Diagnostics;
using RabbitMQ.Client;

namespace MlaRequests.Benchmarks.Infrastructure;

/// <summary>
/// The private broker scripts/bench.sh started (which has no guest: scripts/broker.sh deletes it); each measure gets its
/// own virtual host, used through one benchmark account.
/// </summary>
sealed class Broker(ushort port)
{
    public const string Username = "mla-bench";
    public const string Password = "mla-bench-password";
    bool _account;

    public ushort Port => port;

    public async Task<string> CreateVirtualHostAsync(string name)
    {
        var vhost = $"bench-{name}-{Guid.NewGuid():N}"[..24];
        if (!_account)
        {
            try
            {
                await CtlAsync("add_user", Username, Password);
            }
            catch (InvalidOperationException exception) when (exception.Message.Contains("already exists", StringComparison.Ordinal))
            {
                // made by an earlier run on the same broker
            }
            _account = true;
        }
        await CtlAsync("add_vhost", vhost);
        await CtlAsync("set_permissions", "-p", vhost, Username, ".*", ".*", ".*");
        return vhost;
    }

    public Dictionary<string, string?> NodeSettings(string vhost) => new()
    {
        ["RabbitMq:Host"] = "127.0.0.1",
        ["RabbitMq:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RabbitMq:VirtualHost"] = vhost,
        ["RabbitMq:Username"] = Username,
        ["RabbitMq:Password"] = Password,
    };

    public Task<IConnection> ConnectAsync(string vhost) => new ConnectionFactory
    {
        HostName = "127.0.0.1", Port = port, VirtualHost = vhost, UserName = Username, Password = Password,
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
