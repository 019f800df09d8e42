namespace MlaRequests.Domain.Calendars;

/// <summary>What a government decree makes of a single day.</summary>
public enum OverrideDay
{
    /// <summary>A day that would be worked becomes a day off (an additional day off, or the other half of a swap).</summary>
    DayOff,

    /// <summary>A weekend day becomes a working day (typically a Saturday worked in exchange for a bridge day).</summary>
    WorkingDay,
}
