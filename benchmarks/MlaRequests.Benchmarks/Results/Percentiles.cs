namespace MlaRequests.Benchmarks.Results;

/// <summary>Nearest-rank percentiles of a sample of durations in milliseconds.</summary>
static class Percentiles
{
    public static double Of(IReadOnlyList<double> samples, double percent)
    {
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
