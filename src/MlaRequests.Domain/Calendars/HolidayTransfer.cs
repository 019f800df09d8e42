namespace MlaRequests.Domain.Calendars;

/// <summary>What a country's labour code does with a holiday that falls on a weekend day.</summary>
public enum HolidayTransfer
{
    /// <summary>The day off moves to the next working day.</summary>
    NextWorkingDay,

    /// <summary>The day off is lost; nothing moves (Kyrgyzstan since its 2025 Labour Code).</summary>
    Never,
}
