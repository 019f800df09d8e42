using NodaTime;

namespace MlaRequests.Domain.Deadlines;

/// <summary>
/// The lengths of the deadline clocks a workflow starts. Defaults follow DOMAIN.md (EIO Directive
/// numbers, since UNTOC and the CIS conventions set no day counts); a ministry may change them.
/// </summary>
public sealed class DeadlinePolicy
{
    /// <summary>Legal acknowledgement of receipt by the requested authority (EIO Art. 16(1)): 7 days.</summary>
    public Duration Acknowledgement { get; set; } = Duration.FromDays(7);
}
