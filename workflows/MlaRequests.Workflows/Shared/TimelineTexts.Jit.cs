using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The timeline texts of a joint investigation team agreement (signatures, entry into force, decline, closure), on both sides.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>JIT agreement signed</c></summary>
    public static TextTemplate JitSigned => Jit.Signed;
    /// <summary><c>JIT agreement in force: every party signed</c></summary>
    public static TextTemplate JitInForce => Jit.InForce;
    /// <summary><c>Parties: {parties}</c></summary>
    public static TextTemplate JitInForceDetails => Jit.InForceDetails;
    /// <summary><c>JIT agreement declined</c></summary>
    public static TextTemplate JitDeclined => Jit.Declined;
    /// <summary><c>JIT agreement closed</c></summary>
    public static TextTemplate JitClosed => Jit.Closed;

    /// <summary>
    /// <c>Joint investigation team agreed by every party</c>: what the previous release wrote under <see cref="JitAgreed"/> when every
    /// requested country had accepted (no signature then). Never written now; kept so that stored rows still match a key and render in
    /// the user's language, as what they were: every party accepted.
    /// </summary>
    public static TextTemplate JitAgreedBefore => Jit.AgreedBefore;

    static IEnumerable<Entry> JitEntries =>
        [new(JitSigned), new(JitInForce, JitInForceDetails), new(JitDeclined), new(JitClosed), new(JitAgreedBefore, JitAgreedDetails)];

    /// <summary>The templates, in a class of their own (see <c>Enquiries</c>): static fields of partial files initialise in no defined order.</summary>
    static class Jit
    {
        public static readonly TextTemplate Signed = new("Timeline.JitSigned", "JIT agreement signed");
        public static readonly TextTemplate InForce = new("Timeline.JitInForce", "JIT agreement in force: every party signed");
        public static readonly TextTemplate InForceDetails = new("Timeline.JitInForce.Details", "Parties: {parties}");
        public static readonly TextTemplate Declined = new("Timeline.JitDeclined", "JIT agreement declined");
        public static readonly TextTemplate Closed = new("Timeline.JitClosed", "JIT agreement closed");
        public static readonly TextTemplate AgreedBefore = new("Timeline.JitAgreed.Previous", "Joint investigation team agreed by every party");
    }
}
