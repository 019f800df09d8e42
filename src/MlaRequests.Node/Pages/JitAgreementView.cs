using MlaRequests.Domain.Requests;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Workflows.Shared;
using NodaTime.Text;

namespace MlaRequests.Node.Pages;

/// <summary>What the JIT agreement partial draws: the agreement, each other party's agreement status, and the signatures so far.</summary>
/// <param name="Jit">The agreement as proposed.</param>
/// <param name="Statuses">Per party on the other side of this node, the status of the agreement with it (workflow state names).</param>
/// <param name="Signatures">The signatures, as the timeline recorded them.</param>
public sealed record JitAgreementView(JitProposal Jit, IReadOnlyList<(string Country, string Status)> Statuses, IReadOnlyList<TimelineView> Signatures)
{
    /// <summary>The agreement of a case or request, or null when it proposes no JIT.</summary>
    public static JitAgreementView? Of(RequestContent content, IReadOnlyList<(string Country, string Status)> statuses, IReadOnlyList<TimelineView> timeline)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(timeline);
        if (content.Kind != RequestKind.JointInvestigationTeam || content.Jit is null)
            return null;
        var signed = TimelineTexts.JitSigned.Format();
        var relayed = TimelineTexts.JitSignedRelayed.Format(); // another party's signature, relayed by the requesting country (jit-parties.md)
        return new(content.Jit, statuses, [.. timeline.Where(e => e.Action == signed || e.Action == relayed)]) { Timeline = timeline };
    }

    /// <summary>
    /// The end date in force with <paramref name="country"/> after the latest extension both signed (as the timeline recorded it), or null
    /// when the agreement with that country was never extended: the period above then holds.
    /// </summary>
    public string? ExtendedTo(string country)
    {
        var signed = TimelineTexts.JitExtensionSigned.Format();
        return Timeline.Where(e => e.Action == signed && e.Country == country && e.Details is not null).OrderBy(e => e.At)
            .Select(e => TimelineTexts.JitExtensionSignedDetails.Match(e.Details!)?["date"]).LastOrDefault(d => d is not null);
    }

    /// <summary>The whole timeline, for the extensions.</summary>
    IReadOnlyList<TimelineView> Timeline { get; init; } = [];

    /// <summary>The period as ISO dates.</summary>
    public string Period => $"{Day(Jit.StartsOn)} – {Day(Jit.EndsOn)}";

    static string Day(NodaTime.LocalDate? day) => day is { } d ? LocalDatePattern.Iso.Format(d) : "?";
}
