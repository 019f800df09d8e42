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
}
