using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The timeline texts of requests that follow an earlier one: supplementary requests and new requests after a refusal.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>Supplementary request drafted</c> (on the earlier request)</summary>
    public static TextTemplate SupplementaryDrafted => FollowUps.SupplementaryDrafted;
    /// <summary><c>New request drafted after the refusal</c> (on the earlier request)</summary>
    public static TextTemplate AfterRefusalDrafted => FollowUps.AfterRefusalDrafted;
    /// <summary><c>Supplementary to {reference}</c> (on the new request, and on the requested side's new case)</summary>
    public static TextTemplate SupplementaryTo => FollowUps.SupplementaryTo;
    /// <summary><c>New request after the refusal of {reference}</c> (on the new request, and on the requested side's new case)</summary>
    public static TextTemplate AfterRefusalOf => FollowUps.AfterRefusalOf;
    /// <summary><c>Supplementary request received</c> (on the requested side's earlier case)</summary>
    public static TextTemplate SupplementaryReceived => FollowUps.SupplementaryReceived;
    /// <summary><c>New request received after the refusal</c> (on the requested side's earlier case)</summary>
    public static TextTemplate AfterRefusalReceived => FollowUps.AfterRefusalReceived;
    /// <summary><c>{reference}</c>: the other request of the link</summary>
    public static TextTemplate FollowUpDetails => FollowUps.Details;

    static IEnumerable<Entry> FollowUpEntries =>
        [new(SupplementaryDrafted, FollowUpDetails), new(AfterRefusalDrafted, FollowUpDetails), new(SupplementaryTo, FollowUpDetails), new(AfterRefusalOf, FollowUpDetails),
            new(SupplementaryReceived, FollowUpDetails), new(AfterRefusalReceived, FollowUpDetails)];

    /// <summary>The templates, in a class of their own so that <see cref="All"/> never reads one before it is set.</summary>
    static class FollowUps
    {
        public static readonly TextTemplate SupplementaryDrafted = new("Timeline.SupplementaryDrafted", "Supplementary request drafted");
        public static readonly TextTemplate AfterRefusalDrafted = new("Timeline.AfterRefusalDrafted", "New request drafted after the refusal");
        public static readonly TextTemplate SupplementaryTo = new("Timeline.SupplementaryTo", "Supplementary to an earlier request");
        public static readonly TextTemplate AfterRefusalOf = new("Timeline.AfterRefusalOf", "New request after a refused one");
        public static readonly TextTemplate SupplementaryReceived = new("Timeline.SupplementaryReceived", "Supplementary request received");
        public static readonly TextTemplate AfterRefusalReceived = new("Timeline.AfterRefusalReceived", "New request received after the refusal");
        public static readonly TextTemplate Details = new("Timeline.FollowUp.Details", "{reference}");
    }
}
