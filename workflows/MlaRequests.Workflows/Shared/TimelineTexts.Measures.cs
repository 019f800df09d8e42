using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The timeline texts of per-measure results and the executing authority's steps.</summary>
/// <remarks>
/// The templates live in a nested class: static fields of the parts of a partial class initialise in an order the
/// compiler does not promise, and <see cref="All"/> must never read one of them before it is set.
/// </remarks>
public static partial class TimelineTexts
{
    /// <summary><c>Measure result recorded</c></summary>
    public static TextTemplate MeasureRecorded => MeasureTemplates.Recorded;
    /// <summary><c>Measure result reported</c> (on the requesting node)</summary>
    public static TextTemplate MeasureReported => MeasureTemplates.Reported;
    /// <summary><c>Measure {measure}: {status}. {summary}</c></summary>
    public static TextTemplate MeasureDetails => MeasureTemplates.Details;
    /// <summary><c>Refusal of a measure proposed</c></summary>
    public static TextTemplate MeasureRefusalProposed => MeasureTemplates.RefusalProposed;
    /// <summary><c>Refusal of a measure signed off</c></summary>
    public static TextTemplate MeasureRefusalSignedOff => MeasureTemplates.RefusalSignedOff;
    /// <summary><c>Measure {measure} on grounds {grounds}: {reasons}</c></summary>
    public static TextTemplate MeasureRefusalDetails => MeasureTemplates.RefusalDetails;
    /// <summary><c>Evidence prepared for transfer</c></summary>
    public static TextTemplate EvidencePrepared => MeasureTemplates.EvidencePrepared;

    /// <summary>The entries of this file, part of <see cref="All"/>.</summary>
    static IEnumerable<Entry> MeasureEntries =>
    [
        new(MeasureRecorded, MeasureDetails), new(MeasureReported, MeasureDetails), new(MeasureRefusalProposed, MeasureRefusalDetails),
        new(MeasureRefusalSignedOff, MeasureRefusalDetails), new(EvidencePrepared),
    ];

    static class MeasureTemplates
    {
        internal static readonly TextTemplate Recorded = T("MeasureRecorded", "Measure result recorded");
        internal static readonly TextTemplate Reported = T("MeasureReported", "Measure result reported");
        internal static readonly TextTemplate Details = T("Measure.Details", "Measure {measure}: {status}. {summary}");
        internal static readonly TextTemplate RefusalProposed = T("MeasureRefusalProposed", "Refusal of a measure proposed");
        internal static readonly TextTemplate RefusalSignedOff = T("MeasureRefusalSignedOff", "Refusal of a measure signed off");
        internal static readonly TextTemplate RefusalDetails = T("MeasureRefusal.Details", "Measure {measure} on grounds {grounds}: {reasons}");
        internal static readonly TextTemplate EvidencePrepared = T("EvidencePrepared", "Evidence prepared for transfer");
    }
}
