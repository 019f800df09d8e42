using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// A second private broker that listens with TLS only, started by <c>scripts/broker.sh</c> the way the region command
/// starts its own (MLA_BROKER_TLS: a local certificate authority and a certificate for 127.0.0.1 made with openssl).
/// </summary>
public sealed class TlsBroker : IAsyncDisposable
{
    readonly string _base;

    TlsBroker(string directory, ushort port)
    {
        _base = Path.Combine(directory, "broker");
        Certificates = Path.Combine(directory, "tls");
        Port = port;
    }

    public ushort Port { get; }

    /// <summary>Where the certificate authority (<c>ca.pem</c>) and the broker's certificate and key are.</summary>
    public string Certificates { get; }

    public string CaCertificate => Path.Combine(Certificates, "ca.pem");

    public static async Task<TlsBroker> StartAsync(string directory)
    {
        var broker = new TlsBroker(directory, FreePort());
        await broker.RunAsync("start", broker.Port.ToString());
        return broker;
    }

    /// <summary>Runs <c>scripts/broker.sh</c> against this broker.</summary>
    public async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "scripts", "broker.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["MLA_BROKER_BASE"] = _base;
        start.Environment["MLA_BROKER_TLS"] = Certificates;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"broker.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {output}{await error}");
        return output;
    }

    public async ValueTask DisposeAsync() => await RunAsync("stop", Port.ToString());

    /// <summary>A free port whose Erlang distribution port (port + 20000, see broker.sh) is free too.</summary>
    static ushort FreePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = (ushort)Random.Shared.Next(20000, 40000);
            if (IsFree(port) && IsFree(port + 20000))
                return port;
        }
        throw new InvalidOperationException("No free port pair for a TLS broker");
    }

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
