namespace MlaRequests.Domain.Measures;

/// <summary>Where one requested measure of a case stands, on the receiving node and as reported to the requesting one.</summary>
public enum MeasureStatus
{
    /// <summary>Nothing recorded yet.</summary>
    Pending,

    /// <summary>The executing authority has started on it.</summary>
    InExecution,

    /// <summary>Carried out in full (final).</summary>
    Executed,

    /// <summary>Carried out in part; the summary says what is missing (final).</summary>
    PartiallyExecuted,

    /// <summary>Refused on coded grounds, signed off by a supervisor (final).</summary>
    Refused,

    /// <summary>Cannot be carried out: the person is not found, the object no longer exists (final).</summary>
    Impossible,
}
