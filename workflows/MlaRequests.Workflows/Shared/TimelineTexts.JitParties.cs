using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The timeline texts of a multilateral JIT agreement: signatures relayed by the requesting country, parties awaited, a party leaving.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>JIT agreement signed by another party</c></summary>
    public static TextTemplate JitSignedRelayed => JitParties.SignedRelayed;
    /// <summary><c>Signed by {party} (relayed by {node})</c></summary>
    public static TextTemplate JitSignedRelayedDetails => JitParties.SignedRelayedDetails;
    /// <summary><c>JIT agreement signed by both; the other parties' signatures are awaited</c></summary>
    public static TextTemplate JitAwaitingParties => JitParties.Awaiting;
    /// <summary><c>Awaited: {parties}</c></summary>
    public static TextTemplate JitAwaitingPartiesDetails => JitParties.AwaitingDetails;
    /// <summary><c>JIT agreement: a party left</c></summary>
    public static TextTemplate JitPartyLeft => JitParties.Left;
    /// <summary><c>{party} is no longer a party ({outcome}; relayed by {node}); the agreement goes on among the others</c></summary>
    public static TextTemplate JitPartyLeftDetails => JitParties.LeftDetails;

    static IEnumerable<Entry> JitPartiesEntries =>
        [new(JitSignedRelayed, JitSignedRelayedDetails), new(JitAwaitingParties, JitAwaitingPartiesDetails), new(JitPartyLeft, JitPartyLeftDetails)];

    /// <summary>The templates, in a class of their own (see <c>Enquiries</c>): static fields of partial files initialise in no defined order.</summary>
    static class JitParties
    {
        public static readonly TextTemplate SignedRelayed = new("Timeline.JitSignedRelayed", "JIT agreement signed by another party");
        public static readonly TextTemplate SignedRelayedDetails = new("Timeline.JitSignedRelayed.Details", "Signed by {party} (relayed by {node})");
        public static readonly TextTemplate Awaiting = new("Timeline.JitAwaitingParties", "JIT agreement signed by both; the other parties' signatures are awaited");
        public static readonly TextTemplate AwaitingDetails = new("Timeline.JitAwaitingParties.Details", "Awaited: {parties}");
        public static readonly TextTemplate Left = new("Timeline.JitPartyLeft", "JIT agreement: a party left");
        public static readonly TextTemplate LeftDetails = new("Timeline.JitPartyLeft.Details",
            "{party} is no longer a party ({outcome}; relayed by {node}); the agreement goes on among the others");
    }
}
