using MlaRequests.Domain.Timeline;
using NodaTime;

namespace MlaRequests.Node.Features.Requests;

/// <summary>One line of a timeline: who did what when.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What.</param>
/// <param name="Status">The status it led to.</param>
/// <param name="Country">The country concerned.</param>
/// <param name="Details">Reasons, comments, grounds.</param>
public sealed record TimelineView(Instant At, string Actor, string Action, string Status, string? Country, string? Details)
{
    /// <summary>The view of an entry.</summary>
    public static TimelineView From(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new TimelineView(entry.At, entry.Actor, entry.Action, entry.Status, entry.Country, entry.Details);
    }
}
