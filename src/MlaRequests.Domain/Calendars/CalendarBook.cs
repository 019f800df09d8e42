using System.Reflection;

namespace MlaRequests.Domain.Calendars;

/// <summary>
/// The business calendars of every country, one per country code. The data is owned by the workflows
/// project (one JSON file per country); this type only parses and checks it.
/// </summary>
public sealed class CalendarBook
{
    readonly Dictionary<string, BusinessCalendar> _calendars;

    /// <summary>Holds the given calendars; a country may appear only once.</summary>
    public CalendarBook(IEnumerable<BusinessCalendar> calendars)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        _calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var calendar in calendars)
        {
            if (!_calendars.TryAdd(calendar.Country, calendar))
                throw new InvalidDataException($"Calendar {calendar.Country} is given twice.");
        }
    }

    /// <summary>The country codes with a calendar, ascending.</summary>
    public IReadOnlyList<string> Countries => [.. _calendars.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The calendar of <paramref name="country"/>.</summary>
    /// <exception cref="ArgumentException">No calendar for that country.</exception>
    public BusinessCalendar For(string country) =>
        _calendars.TryGetValue(country, out var calendar)
            ? calendar
            : throw new ArgumentException($"No business calendar for '{country}' (known: {string.Join(", ", Countries)}).", nameof(country));

    /// <summary>
    /// These calendars with <paramref name="loaded"/> years in place of the same years here (a year an administrator loaded
    /// replaces the shipped one; a year not shipped is added). The time zone, weekend and weekend rule stay this book's.
    /// </summary>
    /// <exception cref="ArgumentException">A loaded year is for a country without a calendar.</exception>
    public CalendarBook WithYears(IEnumerable<(string Country, CalendarYear Year)> loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var byCountry = loaded.GroupBy(l => l.Country, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(l => l.Year).ToList(), StringComparer.Ordinal);
        foreach (var country in byCountry.Keys) For(country);
        return new CalendarBook(_calendars.Values.Select(c => byCountry.TryGetValue(c.Country, out var years)
            ? new BusinessCalendar(c.Country, c.Zone, c.Weekend, c.HolidayOnWeekend,
                c.CoveredYears.Where(y => years.All(l => l.Year != y)).Select(c.Year).Concat(years))
            : c));
    }

    /// <summary>Parses one JSON text per country.</summary>
    /// <exception cref="InvalidDataException">A file is malformed, incomplete or lacks a source.</exception>
    public static CalendarBook Parse(IEnumerable<string> jsonTexts)
    {
        ArgumentNullException.ThrowIfNull(jsonTexts);
        return new CalendarBook(jsonTexts.Select(CalendarJson.Parse));
    }

    /// <summary>Reads and parses one JSON stream per country (UTF-8).</summary>
    public static CalendarBook Load(IEnumerable<Stream> jsonStreams)
    {
        ArgumentNullException.ThrowIfNull(jsonStreams);
        return Parse(jsonStreams.Select(ReadToEnd));
    }

    /// <summary>
    /// Loads every embedded resource of <paramref name="resourceAssembly"/> whose logical name (with '/'
    /// separators) starts with <paramref name="resourcePrefix"/> and ends with ".json".
    /// </summary>
    public static CalendarBook Load(Assembly resourceAssembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(resourceAssembly);
        ArgumentNullException.ThrowIfNull(resourcePrefix);
        var names = resourceAssembly.GetManifestResourceNames()
            .Where(n => n.Replace('\\', '/').StartsWith(resourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0) throw new InvalidDataException($"No calendar resources named '{resourcePrefix}*.json' in {resourceAssembly.GetName().Name}.");
        return Parse(names.Select(n => ReadToEnd(resourceAssembly.GetManifestResourceStream(n)!)));
    }

    static string ReadToEnd(Stream stream)
    {
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
