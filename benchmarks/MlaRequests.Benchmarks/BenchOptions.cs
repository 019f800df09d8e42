namespace MlaRequests.Benchmarks;

/// <summary>Command-line settings: which measures, the broker, where data and results go, and the sizes.</summary>
sealed class BenchOptions
{
    public ushort BrokerPort { get; private init; } = 5690;
    public string DataDirectory { get; private init; } = Path.Combine(Path.GetTempPath(), $"mla-bench-{Environment.ProcessId}");
    public string ResultsDirectory { get; private init; } = Path.Combine(Infrastructure.Repository.Root, "benchmarks", "results");
    public HashSet<string> Only { get; private init; } = [];
    public int Events { get; private init; } = 20_000;
    public int Instances { get; private init; } = 400;
    public int Samples { get; private init; } = 100;
    public int Backlog { get; private init; } = 10_000;
    public int StoredRequests { get; private init; } = 100_000;

    public bool Runs(string measure) => Only.Count == 0 || Only.Contains(measure);

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
            values[args[i].TrimStart('-')] = args[i + 1];
        var defaults = new BenchOptions();
        return new BenchOptions
        {
            BrokerPort = values.TryGetValue("broker-port", out var port) ? ushort.Parse(port) : defaults.BrokerPort,
            DataDirectory = values.GetValueOrDefault("data") ?? defaults.DataDirectory,
            ResultsDirectory = values.GetValueOrDefault("out") ?? defaults.ResultsDirectory,
            Only = values.TryGetValue("only", out var only) ? [.. only.Split(',', StringSplitOptions.RemoveEmptyEntries)] : [],
            Events = Int(values, "events", defaults.Events),
            Instances = Int(values, "instances", defaults.Instances),
            Samples = Int(values, "samples", defaults.Samples),
            Backlog = Int(values, "backlog", defaults.Backlog),
            StoredRequests = Int(values, "requests", defaults.StoredRequests),
        };
    }

    static int Int(Dictionary<string, string> values, string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v) : fallback;
}
