namespace MlaRequests.Domain.Calendars;

/// <summary>A business-day computation needed a year the country's calendar data does not cover; the service refuses to guess.</summary>
public sealed class CalendarYearNotCoveredException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="country"/> and <paramref name="year"/>.</summary>
    public CalendarYearNotCoveredException(string country, int year, IEnumerable<int> coveredYears)
        : base($"The {country} business calendar has no data for {year} (covered years: {string.Join(", ", coveredYears)}). " +
               $"Business days in {year} cannot be counted without guessing; add {year} to calendars/{country}.json with its sources.")
    {
        Country = country;
        Year = year;
    }

    /// <summary>The country whose calendar lacks the year.</summary>
    public string Country { get; }

    /// <summary>The year that is not covered.</summary>
    public int Year { get; }
}
