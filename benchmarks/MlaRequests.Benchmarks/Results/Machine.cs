namespace MlaRequests.Benchmarks.Results;

/// <summary>What the run ran on, for the results header.</summary>
static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? "unknown CPU"}, .NET {Environment.Version}";
    }
}
