namespace MlaRequests.Domain.Deadlines;

/// <summary>How a deadline's length is counted.</summary>
public enum DayCounting
{
    /// <summary>Every day counts; the period ends at the end of its last day in the acting authority's time zone.</summary>
    CalendarDays,

    /// <summary>Only the acting country's working days count; the period ends at the end of the last working day.</summary>
    BusinessDays,

    /// <summary>An exact duration from the start instant.</summary>
    Hours,
}
