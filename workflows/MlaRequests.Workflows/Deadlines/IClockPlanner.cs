using NodaTime;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>Computes clock plans from the deadline policies and the national calendars (data under <c>Data/</c>).</summary>
public interface IClockPlanner
{
    /// <summary>The plan of a clock started by <paramref name="start"/>.</summary>
    ClockPlan Plan(StartClock start);

    /// <summary>
    /// The plan after extending <paramref name="current"/> by <paramref name="extension"/>; throws
    /// <see cref="InvalidOperationException"/> when the policy allows no (further) extension of that length.
    /// </summary>
    ClockPlan Extend(StartClock start, ClockPlan current, Period extension, bool alreadyExtended);
}
