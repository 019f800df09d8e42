using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The timeline texts of a JIT agreement's extension (proposed, signed, declined, two proposals crossing), on both sides.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>JIT agreement extension proposed</c></summary>
    public static TextTemplate JitExtensionProposed => JitExtension.Proposed;
    /// <summary><c>New end date {date}: {reasons}</c></summary>
    public static TextTemplate JitExtensionProposedDetails => JitExtension.ProposedDetails;
    /// <summary><c>JIT agreement extension signed: in force</c></summary>
    public static TextTemplate JitExtensionSigned => JitExtension.Signed;
    /// <summary><c>The agreement now ends on {date}; its period clock runs to that day</c></summary>
    public static TextTemplate JitExtensionSignedDetails => JitExtension.SignedDetails;
    /// <summary><c>JIT agreement extension declined: the agreement is unchanged</c></summary>
    public static TextTemplate JitExtensionDeclined => JitExtension.Declined;
    /// <summary><c>JIT agreement extensions crossed: neither applies</c></summary>
    public static TextTemplate JitExtensionsCrossed => JitExtension.Crossed;
    /// <summary><c>Both parties proposed an extension at once (the other party: {date}); the agreement is unchanged and either party may propose again</c></summary>
    public static TextTemplate JitExtensionsCrossedDetails => JitExtension.CrossedDetails;

    static IEnumerable<Entry> JitExtensionEntries =>
    [
        new(JitExtensionProposed, JitExtensionProposedDetails), new(JitExtensionSigned, JitExtensionSignedDetails), new(JitExtensionDeclined),
        new(JitExtensionsCrossed, JitExtensionsCrossedDetails),
    ];

    /// <summary>The templates, in a class of their own (see <c>Enquiries</c>): static fields of partial files initialise in no defined order.</summary>
    static class JitExtension
    {
        public static readonly TextTemplate Proposed = new("Timeline.JitExtensionProposed", "JIT agreement extension proposed");
        public static readonly TextTemplate ProposedDetails = new("Timeline.JitExtensionProposed.Details", "New end date {date}: {reasons}");
        public static readonly TextTemplate Signed = new("Timeline.JitExtensionSigned", "JIT agreement extension signed: in force");
        public static readonly TextTemplate SignedDetails = new("Timeline.JitExtensionSigned.Details", "The agreement now ends on {date}; its period clock runs to that day");
        public static readonly TextTemplate Declined = new("Timeline.JitExtensionDeclined", "JIT agreement extension declined: the agreement is unchanged");
        public static readonly TextTemplate Crossed = new("Timeline.JitExtensionsCrossed", "JIT agreement extensions crossed: neither applies");
        public static readonly TextTemplate CrossedDetails = new("Timeline.JitExtensionsCrossed.Details",
            "Both parties proposed an extension at once (the other party: {date}); the agreement is unchanged and either party may propose again");
    }
}
