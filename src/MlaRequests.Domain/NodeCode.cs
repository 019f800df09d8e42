namespace MlaRequests.Domain;

/// <summary>The national nodes of the region: each country's prosecutor's office runs one.</summary>
public static class NodeCode
{
    /// <summary>Every node code the region knows, with the country it stands for.</summary>
    public static IReadOnlyDictionary<string, string> Countries { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["KZ"] = "Kazakhstan",
        ["KG"] = "Kyrgyzstan",
        ["TJ"] = "Tajikistan",
        ["TM"] = "Turkmenistan",
        ["UZ"] = "Uzbekistan",
    };

    /// <summary>True for one of the region's codes, upper case.</summary>
    public static bool IsKnown(string? code) => code is not null && Countries.ContainsKey(code);
}
