using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// A TCP proxy on 127.0.0.1 for fault tests (tc netem is not available here): it forwards to a
/// target port and, on command, delays every chunk (mean ± jitter), resets connections at random,
/// or blackholes traffic (accepts and holds bytes without forwarding, as a dead link does).
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly int _target;
    readonly CancellationTokenSource _stop = new();
    readonly List<(TcpClient A, TcpClient B)> _pairs = [];
    readonly Lock _lock = new();
    volatile bool _blackhole;

    public FaultProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Delay added to every chunk: mean and maximum deviation.</summary>
    public (TimeSpan Mean, TimeSpan Jitter) Latency { get; set; }

    /// <summary>Chance that a chunk resets its connection instead of passing.</summary>
    public double ResetProbability { get; set; }

    /// <summary>When positive, every this-many-th chunk through the proxy (either way, any connection) resets its connection: a
    /// reset rate that a test can count on, where a probability may leave a short run without any reset.</summary>
    public int ResetEvery { get; set; }

    /// <summary>With <see cref="ResetEvery"/>: the chunk that resets first (by default the <see cref="ResetEvery"/>-th), so that a
    /// test can make the first reset fall early, while the client is still starting, and keep the rate.</summary>
    public int ResetFirstAt { get; set; }

    /// <summary>While true, nothing passes in either direction.</summary>
    public bool Blackhole
    {
        get => _blackhole;
        set => _blackhole = value;
    }

    /// <summary>Connections reset so far.</summary>
    public int Resets => Volatile.Read(ref _resets);

    bool ResetsAt(long chunk)
    {
        var first = ResetFirstAt > 0 ? ResetFirstAt : ResetEvery;
        return chunk >= first && (chunk - first) % ResetEvery == 0;
    }

    /// <summary>Chunks forwarded or reset so far (counted while <see cref="ResetEvery"/> is set).</summary>
    public long Chunks => Interlocked.Read(ref _chunks);

    int _resets;
    long _chunks;

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
            }
            catch (SocketException)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }
            lock (_lock)
                _pairs.Add((client, upstream));
            _ = PumpAsync(client, upstream);
            _ = PumpAsync(upstream, client);
        }
    }

    /// <summary>
    /// Forwards one direction as a delay line: chunks are read as fast as they come and each is
    /// written at its arrival time plus the latency (never before the chunk ahead of it), so latency
    /// delays the traffic without throttling it, as a long link does.
    /// </summary>
    async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var line = Channel.CreateUnbounded<(DateTime Due, byte[] Bytes)>();
        var writer = WriteAsync(line.Reader, from, to);
        var buffer = new byte[16 * 1024];
        var lastDue = DateTime.UtcNow;
        try
        {
            var input = from.GetStream();
            while (!_stop.IsCancellationRequested)
            {
                var read = await input.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                    break;
                var jitter = (Random.Shared.NextDouble() * 2 - 1) * Latency.Jitter.TotalMilliseconds;
                var due = DateTime.UtcNow + TimeSpan.FromMilliseconds(Math.Max(0, Latency.Mean.TotalMilliseconds + jitter));
                lastDue = due > lastDue ? due : lastDue;
                line.Writer.TryWrite((lastDue, buffer[..read]));
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The connection closed or was reset; the writer drains what is left.
        }
        line.Writer.TryComplete();
        await writer;
        Close(from, to);
    }

    async Task WriteAsync(ChannelReader<(DateTime Due, byte[] Bytes)> line, TcpClient from, TcpClient to)
    {
        try
        {
            var output = to.GetStream();
            await foreach (var (due, bytes) in line.ReadAllAsync(_stop.Token))
            {
                while (_blackhole && !_stop.IsCancellationRequested)
                    await Task.Delay(50, _stop.Token);
                var wait = due - DateTime.UtcNow;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, _stop.Token);
                if ((ResetProbability > 0 && Random.Shared.NextDouble() < ResetProbability)
                    || (ResetEvery > 0 && ResetsAt(Interlocked.Increment(ref _chunks))))
                {
                    Reset(from, to);
                    return;
                }
                await output.WriteAsync(bytes, _stop.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The other side is gone; nothing more to forward.
        }
    }

    void Reset(TcpClient a, TcpClient b)
    {
        Interlocked.Increment(ref _resets);
        foreach (var client in new[] { a, b })
        {
            client.Client.LingerState = new LingerOption(true, 0);
            client.Dispose();
        }
    }

    static void Close(TcpClient a, TcpClient b)
    {
        a.Dispose();
        b.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_lock)
        {
            foreach (var (a, b) in _pairs)
                Close(a, b);
        }
        _stop.Dispose();
    }
}
