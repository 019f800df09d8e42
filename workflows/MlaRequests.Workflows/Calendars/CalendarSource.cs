using MlaRequests.Domain.Calendars;
using MlaRequests.Workflows.Data;

namespace MlaRequests.Workflows.Calendars;

/// <summary>
/// The calendars in force on this node: the embedded data (<see cref="WorkflowData.Calendars"/>) with the years an administrator
/// loaded in place of the shipped ones (issue 15). One per process; the node replaces the book after a load or a removal and
/// when it starts, so every clock planned afterwards counts with it (no restart).
/// </summary>
public sealed class CalendarSource
{
    volatile CalendarBook _current = WorkflowData.Calendars;

    /// <summary>The calendars every deadline is counted with now.</summary>
    public CalendarBook Current => _current;

    /// <summary>Puts the embedded calendars with <paramref name="loaded"/> years in force; returns the years that no longer pass the rules (left out).</summary>
    public IReadOnlyList<LoadedCalendarYear> Use(IEnumerable<LoadedCalendarYear> loaded)
    {
        var (book, rejected) = Layer(loaded);
        _current = book;
        return rejected;
    }

    /// <summary>The embedded calendars with <paramref name="loaded"/> in place of the shipped years, and the loaded years that fail the rules now.</summary>
    public static (CalendarBook Book, IReadOnlyList<LoadedCalendarYear> Rejected) Layer(IEnumerable<LoadedCalendarYear> loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var embedded = WorkflowData.Calendars;
        var years = new List<(string, CalendarYear)>();
        var rejected = new List<LoadedCalendarYear>();
        foreach (var year in loaded)
        {
            var check = CalendarYearRules.Check(year.Json, year.Country, year.Year, embedded);
            if (check.IsValid) years.Add((year.Country, check.Year!));
            else rejected.Add(year);
        }
        return (embedded.WithYears(years), rejected);
    }
}
