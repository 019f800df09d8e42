using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>A running clock moved because an administrator loaded or removed a calendar year (issue 15).</summary>
public static partial class TimelineTexts
{
    /// <summary><c>{kind} clock moved by a calendar correction</c></summary>
    public static TextTemplate ClockMovedByCalendar => CalendarTexts.Moved;
    /// <summary><c>Due date moved from {was} to {due}: the calendar of {country} for {year} was corrected by {admin} (source: {note})</c></summary>
    public static TextTemplate ClockMovedByCalendarDetails => CalendarTexts.MovedDetails;

    static IEnumerable<Entry> CalendarEntries => [new(ClockMovedByCalendar, ClockMovedByCalendarDetails)];

    // A nested class initialises on first use, so the texts are there whenever All (another part) is built.
    static class CalendarTexts
    {
        internal static readonly TextTemplate Moved = T("ClockMovedByCalendar", "{kind} clock moved by a calendar correction");
        internal static readonly TextTemplate MovedDetails = T("ClockMovedByCalendar.Details",
            "Due date moved from {was} to {due}: the calendar of {country} for {year} was corrected by {admin} (source: {note})");
    }
}
