using NodaTime;

namespace MlaRequests.Domain.Timeline;

/// <summary>One step in a request's or incoming case's history: who did what, when, and the status it led to.</summary>
public sealed class TimelineEntry
{
    /// <summary>Order of insertion.</summary>
    public long Id { get; set; }

    /// <summary>The outgoing request or incoming case.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The branch (target country) concerned, if any.</summary>
    public Guid? BranchId { get; set; }

    /// <summary>The country the step concerns (a target, or the requesting node).</summary>
    public string? Country { get; set; }

    /// <summary>When it happened.</summary>
    public Instant At { get; set; }

    /// <summary>Who did it (user name, or <c>system</c> for clocks, or the remote node's code).</summary>
    public required string Actor { get; set; }

    /// <summary>What was done, e.g. <c>Approved</c>, <c>Refused</c>, <c>Reminder 80 %</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The status after the step.</summary>
    public required string Status { get; set; }

    /// <summary>Reasons, comments, grounds.</summary>
    public string? Details { get; set; }
}
