using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>A provisional measure ordered or refused before (or after) the request's acceptance, and its own clock.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>Provisional measure {measure} ordered</c></summary>
    public static TextTemplate ProvisionalOrdered => Provisional.Ordered;
    /// <summary><c>Provisional measure {measure} refused</c></summary>
    public static TextTemplate ProvisionalRefused => Provisional.Refused;
    /// <summary><c>By {authority} at {decided}. {reasons}</c></summary>
    public static TextTemplate ProvisionalDetails => Provisional.Details;
    /// <summary><c>By {authority} at {decided}. {reasons} The measure's clock stopped.</c></summary>
    public static TextTemplate ProvisionalDetailsClockStopped => Provisional.DetailsClockStopped;
    /// <summary><c>Provisional measures' clocks stopped at acceptance</c></summary>
    public static TextTemplate ProvisionalStoppedAtAcceptance => Provisional.StoppedAtAcceptance;
    /// <summary><c>Measures {measures}: the requested country's release does not report provisional decisions, so their clocks stop at acceptance as before.</c></summary>
    public static TextTemplate ProvisionalStoppedAtAcceptanceDetails => Provisional.StoppedAtAcceptanceDetails;

    static IEnumerable<Entry> ProvisionalEntries =>
    [
        new(ProvisionalOrdered, ProvisionalDetailsClockStopped, ProvisionalDetails), new(ProvisionalRefused, ProvisionalDetailsClockStopped, ProvisionalDetails),
        new(ProvisionalStoppedAtAcceptance, ProvisionalStoppedAtAcceptanceDetails),
    ];

    // A nested class initialises on first use, so the texts are there whenever All (another part) is built.
    static class Provisional
    {
        internal static readonly TextTemplate Ordered = T("ProvisionalOrdered", "Provisional measure {measure} ordered");
        internal static readonly TextTemplate Refused = T("ProvisionalRefused", "Provisional measure {measure} refused");
        internal static readonly TextTemplate Details = T("ProvisionalOrdered.Details", "By {authority} at {decided}. {reasons}");
        internal static readonly TextTemplate DetailsClockStopped = T("ProvisionalOrdered.ClockStopped", "By {authority} at {decided}. {reasons} The measure's clock stopped.");
        internal static readonly TextTemplate StoppedAtAcceptance = T("ProvisionalStoppedAtAcceptance", "Provisional measures' clocks stopped at acceptance");
        internal static readonly TextTemplate StoppedAtAcceptanceDetails = T("ProvisionalStoppedAtAcceptance.Details",
            "Measures {measures}: the requested country does not report provisional decisions yet, so their clocks stop at acceptance as before.");
    }
}
