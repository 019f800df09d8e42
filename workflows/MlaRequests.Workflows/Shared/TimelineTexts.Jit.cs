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

    static IEnumerable<Entry> JitEntries => [new(JitSigned), new(JitInForce, JitInForceDetails), new(JitDeclined), new(JitClosed)];

    /// <summary>The templates, in a class of their own (see <c>Enquiries</c>): static fields of partial files initialise in no defined order.</summary>
    static class Jit
    {
        public static readonly TextTemplate Signed = new("Timeline.JitSigned", "JIT agreement signed");
        public static readonly TextTemplate InForce = new("Timeline.JitInForce", "JIT agreement in force: every party signed");
        public static readonly TextTemplate InForceDetails = new("Timeline.JitInForce.Details", "Parties: {parties}");
        public static readonly TextTemplate Declined = new("Timeline.JitDeclined", "JIT agreement declined");
        public static readonly TextTemplate Closed = new("Timeline.JitClosed", "JIT agreement closed");
    }
}
