namespace MlaRequests.Domain.Calendars;

/// <summary>The outcome of checking a calendar year an administrator wants to load.</summary>
/// <param name="Errors">Every rule the file breaks, by field; empty when it can be loaded.</param>
/// <param name="Year">The parsed year when there are no errors.</param>
public sealed record CalendarYearCheck(IReadOnlyList<CalendarFieldError> Errors, CalendarYear? Year)
{
    /// <summary>True when the year can be loaded.</summary>
    public bool IsValid => Errors.Count == 0 && Year is not null;
}
