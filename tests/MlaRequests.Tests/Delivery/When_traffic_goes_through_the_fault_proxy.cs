using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MlaRequests.Tests.Infrastructure;

namespace MlaRequests.Tests.Delivery;

/// <summary>The fault proxy the link tests rely on does what it says: forwards, delays, holds, resets.</summary>
[Trait(Tier.Name, Tier.Integration)]
public sealed class When_traffic_goes_through_the_fault_proxy : IAsyncDisposable
{
    readonly TcpListener _echo = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop = new();

    public When_traffic_goes_through_the_fault_proxy()
    {
        _echo.Start();
        _ = EchoAsync();
    }

    [Fact]
    public async Task It_forwards_adds_latency_holds_while_dark_and_resets_on_command()
    {
        await using var proxy = new FaultProxy(((IPEndPoint)_echo.LocalEndpoint).Port);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, proxy.Port);
        var stream = client.GetStream();

        (await RoundTripAsync(stream, "hello")).Should().Be("hello");

        proxy.Latency = (TimeSpan.FromMilliseconds(150), TimeSpan.Zero);
        var timer = Stopwatch.StartNew();
        (await RoundTripAsync(stream, "slow")).Should().Be("slow");
        timer.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(280), "150 ms each way");
        proxy.Latency = default;

        proxy.Blackhole = true;
        var held = RoundTripAsync(stream, "dark");
        (await Task.WhenAny(held, Task.Delay(TimeSpan.FromMilliseconds(500)))).Should().NotBe(held, "nothing passes while dark");
        proxy.Blackhole = false;
        (await held).Should().Be("dark", "held bytes pass once the link heals");

        proxy.ResetProbability = 1;
        var reset = async () => await RoundTripAsync(stream, "reset");
        await reset.Should().ThrowAsync<Exception>("the connection is reset");
        proxy.Resets.Should().BeGreaterThan(0);
    }

    static async Task<string> RoundTripAsync(NetworkStream stream, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        await stream.WriteAsync(bytes);
        var buffer = new byte[bytes.Length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read));
            if (n == 0)
                throw new IOException("closed");
            read += n;
        }
        return System.Text.Encoding.UTF8.GetString(buffer);
    }

    async Task EchoAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _echo.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await client.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                    }
                    catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
                    {
                        // The proxy reset or closed the connection.
                    }
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _echo.Stop();
        _stop.Dispose();
    }
}
