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

    /// <summary>
    /// Every day counts, but a period whose last day is a non-working day of the acting country (weekend, holiday, moved or decree
    /// day off) ends at the end of that country's next working day: the rule of the CIS codes of criminal procedure (e.g. RF CPC
    /// Art. 128(2)). A year the calendar data does not cover leaves the end where it falls and flags the deadline.
    /// </summary>
    CalendarDaysNextWorkingDay,
}
