namespace MlaRequests.Benchmarks.Results;

/// <summary>
/// One row of the results: the measured figures, the reference measured in the same run (if any), their ratio
/// under a key naming both, the target and whether it was met. <see cref="Details"/> are further figures kept in the JSON.
/// </summary>
sealed record MeasureResult(string Key, string Title, IReadOnlyList<Figure> Figures, Figure? Reference, string? RatioKey, double? Ratio,
    string Target, bool Met, IReadOnlyList<Figure> Details, string Note = "")
{
    public static string RatioKeyOf(Figure figure, Figure reference) =>
        $"{figure.Key}To{char.ToUpperInvariant(reference.Key[0])}{reference.Key[1..]}Ratio";
}
