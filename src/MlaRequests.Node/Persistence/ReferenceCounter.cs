namespace MlaRequests.Node.Persistence;

/// <summary>The last number given for a reference prefix and year (e.g. <c>KZ</c>, 2026 → <c>KZ-2026-000114</c>).</summary>
public sealed class ReferenceCounter
{
    /// <summary>The prefix, e.g. <c>KZ</c> or <c>KZ-IN</c>.</summary>
    public required string Prefix { get; set; }

    /// <summary>The year.</summary>
    public int Year { get; set; }

    /// <summary>The last number given.</summary>
    public int Last { get; set; }
}
