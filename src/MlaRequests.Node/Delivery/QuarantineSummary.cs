using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// What is left of quarantined messages older than the retention period: how many arrived on one day from one sender
/// for one reason. The bodies are gone; the counts still show who sent what that was refused.
/// </summary>
public sealed class QuarantineSummary
{
    /// <summary>Insertion order.</summary>
    public long Id { get; set; }

    /// <summary>The day (UTC) the messages arrived.</summary>
    public LocalDate Day { get; set; }

    /// <summary>The claimed sender; empty when unreadable.</summary>
    public required string FromNode { get; set; }

    /// <summary>Why they were not applied (capped).</summary>
    public required string Reason { get; set; }

    /// <summary>How many.</summary>
    public int Count { get; set; }
}
