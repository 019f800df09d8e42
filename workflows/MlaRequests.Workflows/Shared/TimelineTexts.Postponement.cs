using MlaRequests.Domain.Timeline;

namespace MlaRequests.Workflows.Shared;

/// <summary>The end of a postponement (resumption) and a measure's refusal proposal sent back.</summary>
public static partial class TimelineTexts
{
    /// <summary><c>Resumed after postponement</c></summary>
    public static TextTemplate Resumed => Postponement.Resumed;
    /// <summary><c>Refusal of a measure sent back by the supervisor</c></summary>
    public static TextTemplate MeasureRefusalReturned => Postponement.MeasureRefusalReturned;
    /// <summary><c>Measure {measure}: {reasons}</c></summary>
    public static TextTemplate MeasureRefusalReturnedDetails => Postponement.MeasureRefusalReturnedDetails;

    /// <summary><c>Postponement extended</c></summary>
    public static TextTemplate PostponementExtended => Postponement.Extended;
    /// <summary><c>Until {date}. Grounds: {grounds}. {reason}</c></summary>
    public static TextTemplate PostponedOnGroundsDetails => Postponement.OnGroundsDetails;

    static IEnumerable<Entry> PostponementEntries =>
        [new(Resumed), new(MeasureRefusalReturned, MeasureRefusalReturnedDetails), new(PostponementExtended, PostponedOnGroundsDetails, PostponedDetails)];

    // A nested class initialises on first use, so the texts are there whenever All (another part) is built.
    static class Postponement
    {
        internal static readonly TextTemplate Resumed = T("Resumed", "Resumed after postponement");
        internal static readonly TextTemplate Extended = T("PostponementExtended", "Postponement extended");
        internal static readonly TextTemplate OnGroundsDetails = T("Postponed.OnGrounds", "Until {date}. Grounds: {grounds}. {reason}");
        internal static readonly TextTemplate MeasureRefusalReturned = T("MeasureRefusalReturned", "Refusal of a measure sent back by the supervisor");
        internal static readonly TextTemplate MeasureRefusalReturnedDetails = T("MeasureRefusalReturned.Details", "Measure {measure}: {reasons}");
    }
}
