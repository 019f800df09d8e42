using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>A clock suspended while the acting side waits for the other, and resumed with its due instant moved.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>{kind} clock suspended</c></summary>
    public static TextTemplate ClockSuspended => ClockSuspension.Suspended;
    /// <summary><c>Waiting for additional information; time left {left}</c></summary>
    public static TextTemplate ClockSuspendedDetails => ClockSuspension.SuspendedDetails;
    /// <summary><c>{kind} clock resumed</c></summary>
    public static TextTemplate ClockResumed => ClockSuspension.Resumed;
    /// <summary><c>Suspended for {suspended}, now due {due}</c></summary>
    public static TextTemplate ClockResumedDetails => ClockSuspension.ResumedDetails;

    static IEnumerable<Entry> ClockSuspensionEntries => [new(ClockSuspended, ClockSuspendedDetails), new(ClockResumed, ClockResumedDetails)];

    // A nested class initialises on first use, so the texts are there whenever All (another part) is built.
    static class ClockSuspension
    {
        internal static readonly TextTemplate Suspended = T("ClockSuspended", "{kind} clock suspended");
        internal static readonly TextTemplate SuspendedDetails = T("ClockSuspended.Details", "Waiting for additional information; time left {left}");
        internal static readonly TextTemplate Resumed = T("ClockResumed", "{kind} clock resumed");
        internal static readonly TextTemplate ResumedDetails = T("ClockResumed.Details", "Suspended for {suspended}, now due {due}");
    }
}
