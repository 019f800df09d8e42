namespace MlaRequests.Benchmarks.Results;

/// <summary>One absolute figure: its JSON key, value, unit and how the table labels it.</summary>
sealed record Figure(string Key, double Value, string Unit, string Label)
{
    public string Text => Unit switch
    {
        "ms" => Value < 10 ? $"{Value:0.00} ms" : $"{Value:0.0} ms",
        "MB" => $"{Value:0} MB",
        "/s" => $"{Value:N0}/s",
        _ => $"{Value:N0} {Unit}",
    };
}
