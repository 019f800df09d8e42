using System.Reflection;
using MlaRequests.Domain.Calendars;
using MlaRequests.Domain.Deadlines;

namespace MlaRequests.Workflows.Data;

/// <summary>
/// The reviewed data this project owns (Data/README.md), embedded in the assembly: the business calendars
/// per country and the deadline policies. Each is parsed and checked once, on first use.
/// </summary>
public static class WorkflowData
{
    /// <summary>The logical name prefix of the calendar files (calendars/KZ.json, ...).</summary>
    public const string CalendarPrefix = "calendars/";

    /// <summary>The logical name of the deadline policy file.</summary>
    public const string DeadlinePoliciesName = "deadline-policies.json";

    static readonly Assembly Resources = typeof(WorkflowData).Assembly;
    static readonly Lazy<CalendarBook> LazyCalendars = new(() => CalendarBook.Load(Resources, CalendarPrefix));
    static readonly Lazy<DeadlinePolicyBook> LazyPolicies = new(() => DeadlinePolicyBook.Parse(RawText(DeadlinePoliciesName)));

    /// <summary>The business calendars of KZ, KG, TJ, TM and UZ.</summary>
    public static CalendarBook Calendars => LazyCalendars.Value;

    /// <summary>The deadline rules per clock, variant and legal basis.</summary>
    public static DeadlinePolicyBook DeadlinePolicies => LazyPolicies.Value;

    /// <summary>The logical names of every embedded data file, with '/' separators, ascending.</summary>
    public static IReadOnlyList<string> Names =>
        [.. Resources.GetManifestResourceNames().Select(Normalize).Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>The raw text of one embedded data file, e.g. "calendars/KZ.json".</summary>
    /// <exception cref="ArgumentException">No such file.</exception>
    public static string RawText(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var resource = Resources.GetManifestResourceNames().FirstOrDefault(n => Normalize(n) == name)
            ?? throw new ArgumentException($"No embedded data file '{name}' (known: {string.Join(", ", Names)}).", nameof(name));
        using var reader = new StreamReader(Resources.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    static string Normalize(string resourceName) => resourceName.Replace('\\', '/');
}
