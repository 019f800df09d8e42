namespace MlaRequests.Domain.Calendars;

/// <summary>One reason a calendar year cannot be loaded, at the JSON path of the field it concerns.</summary>
/// <param name="Path">The field's JSON path, e.g. <c>$.years[0].holidays[3].date</c> (<c>$</c> for the whole file).</param>
/// <param name="Message">What is wrong, in English.</param>
public sealed record CalendarFieldError(string Path, string Message);
