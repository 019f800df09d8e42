using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlaRequests.Benchmarks.Results;

/// <summary>Collects every measure of a run and writes <c>latest.md</c> and <c>latest.json</c>.</summary>
sealed class Report(BenchOptions options)
{
    readonly List<MeasureResult> _results = [];
    readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

    public void Add(MeasureResult result)
    {
        _results.Add(result);
        Console.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {result.Title}: {string.Join(", ", result.Figures.Select(f => f.Text))}"
            + (result.Reference is null ? string.Empty : $" vs {result.Reference.Text} (ratio {result.Ratio:0.###})") + $" — {(result.Met ? "met" : "MISSED")}");
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {_startedAt:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Machine.Describe()}; took {(DateTimeOffset.UtcNow - _startedAt).TotalMinutes:0.0} min.");
        md.AppendLine();
        md.AppendLine("| measure | result | reference in the same run | ratio | target | met |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in _results)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Title} | {string.Join("; ", r.Figures.Select(f => $"{f.Label} {f.Text}"))} | {(r.Reference is null ? "—" : $"{r.Reference.Label} {r.Reference.Text}")} | {(r.Ratio is null ? "—" : r.Ratio.Value.ToString("0.###", CultureInfo.InvariantCulture))} | {r.Target} | {(r.Met ? "yes" : "**no**")} |");
        }
        md.AppendLine();
        foreach (var r in _results.Where(r => r.Details.Count > 0 || r.Note.Length > 0))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{r.Title}**: {string.Join("; ", r.Details.Select(f => $"{f.Label} {f.Text}"))}{(r.Note.Length > 0 ? $". {r.Note}" : string.Empty)}");
        }
        return md.ToString();
    }

    public void Write()
    {
        Directory.CreateDirectory(options.ResultsDirectory);
        var json = new JsonObject
        {
            ["startedAt"] = _startedAt.ToString("O", CultureInfo.InvariantCulture),
            ["cores"] = Environment.ProcessorCount,
            ["machine"] = Machine.Describe(),
        };
        foreach (var r in _results)
        {
            var measure = new JsonObject { ["title"] = r.Title };
            foreach (var figure in r.Figures.Concat(r.Details).Append(r.Reference).OfType<Figure>())
                measure[figure.Key] = double.IsFinite(figure.Value) ? Math.Round(figure.Value, 3) : null;
            if (r.RatioKey is not null && r.Ratio is not null)
                measure[r.RatioKey] = Math.Round(r.Ratio.Value, 4);
            measure["target"] = r.Target;
            measure["met"] = r.Met;
            if (r.Note.Length > 0)
                measure["note"] = r.Note;
            json[r.Key] = measure;
        }
        File.WriteAllText(Path.Combine(options.ResultsDirectory, "latest.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(options.ResultsDirectory, "latest.md"), "# Benchmark results (latest run)\n\n" + Markdown());
    }
}
