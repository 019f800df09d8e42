using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The timeline texts of milestones shared by every participating branch (mirror and parallel investigations), on both sides.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>Shared milestone scheduled</c></summary>
    public static TextTemplate SharedMilestoneScheduled => SharedMilestones.Scheduled;
    /// <summary><c>{title} on {date} with {countries}</c></summary>
    public static TextTemplate SharedMilestoneDetails => SharedMilestones.Details;
    /// <summary><c>Shared milestone rescheduled</c></summary>
    public static TextTemplate SharedMilestoneRescheduled => SharedMilestones.Rescheduled;
    /// <summary><c>Shared milestone cancelled</c></summary>
    public static TextTemplate SharedMilestoneCancelled => SharedMilestones.Cancelled;
    /// <summary><c>Shared milestone done</c></summary>
    public static TextTemplate SharedMilestoneDone => SharedMilestones.Done;
    /// <summary><c>{title} on {date}: {reason}</c></summary>
    public static TextTemplate SharedMilestoneChangeDetails => SharedMilestones.ChangeDetails;
    /// <summary><c>Readiness confirmed for the shared milestone</c></summary>
    public static TextTemplate SharedMilestoneConfirmed => SharedMilestones.Confirmed;

    static IEnumerable<Entry> SharedMilestoneEntries =>
    [
        new(SharedMilestoneScheduled, SharedMilestoneDetails), new(SharedMilestoneRescheduled, SharedMilestoneChangeDetails, MilestoneDetails),
        new(SharedMilestoneCancelled, SharedMilestoneChangeDetails, MilestoneDetails), new(SharedMilestoneDone, MilestoneDetails),
        new(SharedMilestoneConfirmed, MilestoneDetails),
    ];

    /// <summary>The templates in a class of their own (see the status enquiries' file for why).</summary>
    static class SharedMilestones
    {
        public static readonly TextTemplate Scheduled = new("Timeline.SharedMilestoneScheduled", "Shared milestone scheduled");
        public static readonly TextTemplate Details = new("Timeline.SharedMilestone.Details", "{title} on {date} with {countries}");
        public static readonly TextTemplate Rescheduled = new("Timeline.SharedMilestoneRescheduled", "Shared milestone rescheduled");
        public static readonly TextTemplate Cancelled = new("Timeline.SharedMilestoneCancelled", "Shared milestone cancelled");
        public static readonly TextTemplate Done = new("Timeline.SharedMilestoneDone", "Shared milestone done");
        public static readonly TextTemplate ChangeDetails = new("Timeline.SharedMilestoneChange.Details", "{title} on {date}: {reason}");
        public static readonly TextTemplate Confirmed = new("Timeline.SharedMilestoneConfirmed", "Readiness confirmed for the shared milestone");
    }
}
