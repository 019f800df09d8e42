using MlaRequests.Benchmarks;
using MlaRequests.Benchmarks.Infrastructure;
using MlaRequests.Benchmarks.Measures;
using MlaRequests.Benchmarks.Results;

// scripts/bench.sh runs this with a private broker; see benchmarks/README.md.
var options = BenchOptions.Parse(args);
var report = new Report(options);
Directory.CreateDirectory(options.DataDirectory);

if (options.Runs("transitions"))
    report.Add(await TransitionThroughput.RunAsync(options));
if (options.Runs("propagation"))
    report.Add(await PropagationLatency.RunAsync(options));
if (options.Runs("drain"))
    report.Add(await BacklogDrain.RunAsync(options));
if (options.Runs("api"))
{
    foreach (var result in await ApiLatency.RunAsync(options))
        report.Add(result);
}

Console.WriteLine(report.Markdown());
report.Write();
