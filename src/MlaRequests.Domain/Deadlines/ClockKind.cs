namespace MlaRequests.Domain.Deadlines;

/// <summary>The deadline clocks of DOMAIN.md ("Deadline clocks").</summary>
public enum ClockKind
{
    /// <summary>Internal review of a draft before a liaison officer releases it.</summary>
    InternalReview,

    /// <summary>Legal acknowledgement of receipt by the requested authority.</summary>
    Acknowledgement,

    /// <summary>The requested authority's decision on recognition.</summary>
    Recognition,

    /// <summary>Execution of the measures after the decision.</summary>
    Execution,

    /// <summary>Provisional measures: freezing, preservation.</summary>
    ProvisionalMeasures,

    /// <summary>The answer to a request for additional information.</summary>
    AdditionalInformation,

    /// <summary>A postponement's end date (UNTOC Art. 18(25)): resume or postpone again before it passes.</summary>
    Postponement,
    /// <summary>The requesting side's answer to a consultation before refusal or postponement (UNTOC Art. 18(26)); a management target.</summary>
    Consultation,
    /// <summary>A joint investigation team agreement's period: due on its end date (the agreement's own term, not a treaty day count).</summary>
    JitPeriod,
    /// <summary>A mirror investigation: the requested authority's target for opening its domestic mirror case (a management target, design choice).</summary>
    MirrorCaseOpening,
    /// <summary>
    /// The requesting state's own desired date for a requested country (UNTOC Art. 18(24)): a target of its own, due at the end of that date in the
    /// requested country, not a time limit. Runs only when the request names a desired date; never crosses the border (each node computes it from the content).
    /// </summary>
    DesiredDate,
}
