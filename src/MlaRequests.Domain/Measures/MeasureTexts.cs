using MlaRequests.Domain.Timeline;

namespace MlaRequests.Domain.Measures;

/// <summary>The problem messages of the per-measure rules (part of <c>ProblemTexts.All</c>, so the web UI shows them in the user's language).</summary>
public static class MeasureTexts
{
    static TextTemplate T(string key, string english) => new("Problem." + key, english);

    /// <summary>The case lists no measure.</summary>
    public static readonly TextTemplate NoMeasures = T("NoMeasures", "This case lists no measures.");

    /// <summary>A final measure is not recorded again.</summary>
    public static readonly TextTemplate AlreadyFinal = T("AlreadyFinal", "Measure {measure} is already final ({status}).");

    /// <summary>Nothing to sign off.</summary>
    public static readonly TextTemplate NoProposal = T("NoProposal", "No refusal of measure {measure} is waiting for sign-off.");

    /// <summary>Four eyes.</summary>
    public static readonly TextTemplate OwnProposal = T("OwnProposal", "The person who proposed a refusal cannot sign it off; another supervisor must.");

    /// <summary>The case is not executed while measures are open.</summary>
    public static readonly TextTemplate MeasuresOpen = T("MeasuresOpen", "Measures {measures} are not final yet; record each of them before the case is executed.");

    /// <summary>A provisional decision for a measure that is not provisional.</summary>
    public static readonly TextTemplate NotProvisional = T("NotProvisional", "Measure {measure} is not a provisional measure (freezing or preservation).");

    /// <summary>A provisional measure is decided once.</summary>
    public static readonly TextTemplate AlreadyDecided = T("AlreadyDecided", "Provisional measure {measure} is already decided ({outcome}).");

    /// <summary>The decision's instant is in the future or before the request arrived.</summary>
    public static readonly TextTemplate DecidedAtRange = T("DecidedAtRange", "The decision's date and time must be between the request's arrival and now.");

    /// <summary>Grounds belong to a refusal.</summary>
    public static readonly TextTemplate GroundsOnlyWithRefusal = T("GroundsOnlyWithRefusal", "Refusal grounds are given only with a refusal.");

    /// <summary>Every template.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } = [NoMeasures, AlreadyFinal, NoProposal, OwnProposal, MeasuresOpen, NotProvisional, AlreadyDecided, DecidedAtRange, GroundsOnlyWithRefusal];
}
