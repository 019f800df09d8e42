using System.Globalization;

namespace MlaRequests.Benchmarks.Infrastructure;

/// <summary>CPU time (user + system) a process has used so far, from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
static class CpuTime
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The Erlang VM of the private broker on <paramref name="port"/> (scripts/broker.sh gives it RABBITMQ_NODE_PORT).</summary>
    public static int? BrokerProcess(ushort port)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains("beam.smp", StringComparison.Ordinal)
                    && File.ReadAllText(Path.Combine(directory, "environ")).Split('\0').Contains($"RABBITMQ_NODE_PORT={port}"))
                    return pid;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return null;
    }
}
