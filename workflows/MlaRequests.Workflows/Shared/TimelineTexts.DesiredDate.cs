using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The requesting state's desired date (UNTOC Art. 18(24)): its reminders and its passing, a target of its own, not a time limit.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>The requesting state's desired date approaches</c></summary>
    public static TextTemplate DesiredDateReminder => DesiredDateTexts.Reminder;
    /// <summary><c>The requesting state's desired date has passed (a signal, not a breach of law)</c></summary>
    public static TextTemplate DesiredDatePassed => DesiredDateTexts.Passed;
    /// <summary><c>Desired by the end of {due} ({country} to act)</c></summary>
    public static TextTemplate DesiredDateDetails => DesiredDateTexts.Details;

    static IEnumerable<Entry> DesiredDateEntries => [new(DesiredDateReminder, DesiredDateDetails), new(DesiredDatePassed, DesiredDateDetails)];

    // A nested class initialises on first use, so the texts are there whenever All (another part) is built.
    static class DesiredDateTexts
    {
        internal static readonly TextTemplate Reminder = T("DesiredDateReminder", "The requesting state's desired date approaches");
        internal static readonly TextTemplate Passed = T("DesiredDatePassed", "The requesting state's desired date has passed (a signal, not a breach of law): supervisors alerted");
        internal static readonly TextTemplate Details = T("DesiredDate.Details", "Desired by {due} ({country} to act)");
    }
}
