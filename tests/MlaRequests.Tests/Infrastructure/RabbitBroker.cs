using System.Diagnostics;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// The test broker started by <c>scripts/test.sh</c> (a private RabbitMQ on 127.0.0.1, without <c>guest</c>). Each test
/// gets its own virtual host so queues left by one test never feed another: one shared by its nodes (the single virtual
/// host layout, with one test account) or, from <see cref="CreateRegionAsync"/>, the region's layout (an account and a
/// virtual host per node, a shared border virtual host) made by the same <c>scripts/broker.sh accounts</c> as the region command's.
/// </summary>
public static class RabbitBroker
{
    public const string Username = "mla-test";
    public const string Password = "mla-test-password";
    static readonly Lazy<Task> TestAccount = new(() => Ctl("add_user", Username, Password));

    public static ushort Port { get; } = ushort.Parse(Environment.GetEnvironmentVariable("MLA_TEST_RABBITMQ_PORT") ?? "5679");

    public static async Task<string> CreateVirtualHostAsync()
    {
        var name = $"test-{Guid.NewGuid():N}";
        await Task.WhenAll(Ctl("add_vhost", name), EnsureTestAccountAsync());
        await Ctl("set_permissions", "-p", name, Username, ".*", ".*", ".*");
        return name;
    }

    public static Dictionary<string, string?> Settings(string virtualHost) => new()
    {
        ["RabbitMq:Host"] = "127.0.0.1",
        ["RabbitMq:Port"] = Port.ToString(),
        ["RabbitMq:VirtualHost"] = virtualHost,
        ["RabbitMq:Username"] = Username,
        ["RabbitMq:Password"] = Password,
    };

    /// <summary>
    /// The region's layout for <paramref name="codes"/>: per node an account <c>{prefix}-kz</c> with its own virtual host
    /// of the same name, and <c>{prefix}-border</c> shared; passwords kept in <paramref name="secrets"/>.
    /// </summary>
    public static async Task<Region> CreateRegionAsync(string secrets, params string[] codes)
    {
        var prefix = $"test-{Guid.NewGuid():N}";
        await Script("accounts", [Port.ToString(), prefix, secrets, .. codes]);
        return new Region(prefix, codes.ToDictionary(code => code, code => new Dictionary<string, string?>
        {
            ["RabbitMq:Host"] = "127.0.0.1",
            ["RabbitMq:Port"] = Port.ToString(),
            ["RabbitMq:VirtualHost"] = $"{prefix}-{code.ToLowerInvariant()}",
            ["RabbitMq:BorderVirtualHost"] = $"{prefix}-border",
            ["RabbitMq:Username"] = $"{prefix}-{code.ToLowerInvariant()}",
            ["RabbitMq:Password"] = File.ReadAllText(Path.Combine(secrets, $"{code}.broker-password")).Trim(),
        }));
    }

    /// <summary>A region made by <see cref="CreateRegionAsync"/>: its names and each node's settings.</summary>
    public sealed record Region(string Prefix, IReadOnlyDictionary<string, Dictionary<string, string?>> Settings)
    {
        public string BorderVirtualHost => $"{Prefix}-border";

        public string VirtualHostOf(string code) => $"{Prefix}-{code.ToLowerInvariant()}";
    }

    /// <summary>Creates the test account once (the broker has no <c>guest</c>).</summary>
    public static async Task EnsureTestAccountAsync()
    {
        try
        {
            await TestAccount.Value;
        }
        catch (InvalidOperationException exception) when (exception.Message.Contains("already exists", StringComparison.Ordinal))
        {
            // made by an earlier test run on the same broker
        }
    }

    /// <summary>Runs rabbitmqctl against the test broker and returns what it printed.</summary>
    public static Task<string> Ctl(params string[] arguments) => Script("ctl", [Port.ToString(), .. arguments]);

    static async Task<string> Script(string command, string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "scripts", "broker.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(command);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"broker.sh {command} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}. Is the test broker running (scripts/test.sh starts it)?");
        return output;
    }
}
