using MlaRequests.Domain.Calendars;
using MlaRequests.Domain.Deadlines;
using MlaRequests.Workflows.Data;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.FastTests.Deadlines;

/// <summary>The region's real data as the node loads it, and exact-instant helpers for the deadline tests.</summary>
static class Region
{
    static readonly OffsetDateTimePattern LocalTime = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<+HH:mm>");

    public static DeadlineCalculator Calculator { get; } = new(WorkflowData.Calendars, WorkflowData.DeadlinePolicies);

    public static BusinessCalendar Calendar(string country) => WorkflowData.Calendars.For(country);

    /// <summary>An instant written as local time with its offset: "2026-03-10T00:00+05:00".</summary>
    public static Instant At(string localTimeWithOffset) => LocalTime.Parse(localTimeWithOffset).GetValueOrThrow().ToInstant();

    public static LocalDate Day(string isoDate) => LocalDatePattern.Iso.Parse(isoDate).GetValueOrThrow();
}
