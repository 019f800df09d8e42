namespace MlaRequests.Workflows.Calendars;

/// <summary>A calendar year an administrator loaded: the country, the year and the file exactly as loaded.</summary>
/// <param name="Country">The country code.</param>
/// <param name="Year">The year it replaces or adds.</param>
/// <param name="Json">The file (the calendar format with this one year).</param>
public sealed record LoadedCalendarYear(string Country, int Year, string Json);
