using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The timeline texts of a JIT agreement's amendment (proposed, signed, declined, two proposals crossing), on both sides.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>JIT agreement amendment proposed</c></summary>
    public static TextTemplate JitAmendmentProposed => JitAmendment.Proposed;
    /// <summary><c>Version {number}: {reasons}</c></summary>
    public static TextTemplate JitAmendmentProposedDetails => JitAmendment.ProposedDetails;
    /// <summary><c>JIT agreement amendment signed: in force</c></summary>
    public static TextTemplate JitAmendmentSigned => JitAmendment.Signed;
    /// <summary><c>Version {number} of the agreement is in force on both nodes</c></summary>
    public static TextTemplate JitAmendmentSignedDetails => JitAmendment.SignedDetails;
    /// <summary><c>JIT agreement amendment declined: the agreement is unchanged</c></summary>
    public static TextTemplate JitAmendmentDeclined => JitAmendment.Declined;
    /// <summary><c>JIT agreement proposals crossed: neither applies</c></summary>
    public static TextTemplate JitAmendmentsCrossed => JitAmendment.Crossed;
    /// <summary><c>Both parties proposed an amendment at once (the other party's: version {number}); the agreement is unchanged and either party may propose again</c></summary>
    public static TextTemplate JitAmendmentsCrossedDetails => JitAmendment.CrossedDetails;
    /// <summary><c>An amendment and an extension (to {date}) were proposed at once; the agreement is unchanged and either party may propose again</c></summary>
    public static TextTemplate JitAmendmentCrossedExtensionDetails => JitAmendment.CrossedExtensionDetails;

    static IEnumerable<Entry> JitAmendmentEntries =>
    [
        new(JitAmendmentProposed, JitAmendmentProposedDetails), new(JitAmendmentSigned, JitAmendmentSignedDetails), new(JitAmendmentDeclined),
        new(JitAmendmentsCrossed, JitAmendmentsCrossedDetails, JitAmendmentCrossedExtensionDetails),
    ];

    /// <summary>The templates, in a class of their own (see <c>Enquiries</c>): static fields of partial files initialise in no defined order.</summary>
    static class JitAmendment
    {
        public static readonly TextTemplate Proposed = new("Timeline.JitAmendmentProposed", "JIT agreement amendment proposed");
        public static readonly TextTemplate ProposedDetails = new("Timeline.JitAmendmentProposed.Details", "Version {number}: {reasons}");
        public static readonly TextTemplate Signed = new("Timeline.JitAmendmentSigned", "JIT agreement amendment signed: in force");
        public static readonly TextTemplate SignedDetails = new("Timeline.JitAmendmentSigned.Details", "Version {number} of the agreement is in force on both nodes");
        public static readonly TextTemplate Declined = new("Timeline.JitAmendmentDeclined", "JIT agreement amendment declined: the agreement is unchanged");
        public static readonly TextTemplate Crossed = new("Timeline.JitAmendmentsCrossed", "JIT agreement proposals crossed: neither applies");
        public static readonly TextTemplate CrossedDetails = new("Timeline.JitAmendmentsCrossed.Details",
            "Both parties proposed an amendment at once (the other party's: version {number}); the agreement is unchanged and either party may propose again");
        public static readonly TextTemplate CrossedExtensionDetails = new("Timeline.JitAmendmentsCrossed.Extension",
            "An amendment and an extension (to {date}) were proposed at once; the agreement is unchanged and either party may propose again");
    }
}
