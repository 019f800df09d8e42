using MlaRequests.Domain.Timeline;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// The messages of the legal-basis rules (issue 15): which instrument applies between two states, per-country bases,
/// and the "where possible" warnings. Part of <c>ProblemTexts.All</c>, so the web UI shows them in the user's language.
/// </summary>
public static class LegalBasisTexts
{
    static TextTemplate T(string key, string english) => new("Problem." + key, english);

    /// <summary>One of the two states is not a party to the instrument.</summary>
    public static readonly TextTemplate NotAParty = T("BasisNotAParty",
        "The {instrument} does not apply between {requesting} and {requested}: {country} is not a party to it ({source}).");

    /// <summary>The instrument is not yet in force for one of the two states on the date of the request.</summary>
    public static readonly TextTemplate NotInForce = T("BasisNotInForce",
        "The {instrument} does not apply between {requesting} and {requested} on {date}: it is in force for {country} from {from} ({source}).");

    /// <summary>A later instrument replaces this one between the two states.</summary>
    public static readonly TextTemplate Replaced = T("BasisReplaced",
        "The {instrument} does not apply between {requesting} and {requested}: the {replacement} replaces it between its parties ({source}).");

    /// <summary>Warning: a party entry that no official source confirmed yet.</summary>
    public static readonly TextTemplate UnverifiedParty = T("BasisUnverifiedParty",
        "{country}'s status under the {instrument} is not verified against an official source ({source}); check it before relying on it.");

    /// <summary>Warning: a replacement that rests on an unverified party entry.</summary>
    public static readonly TextTemplate UnverifiedReplacement = T("BasisUnverifiedReplacement",
        "The {replacement} may replace the {instrument} between {requesting} and {requested}: {country}'s status under it is not verified ({source}).");

    /// <summary>Warning: a bilateral treaty the table does not list between the two states.</summary>
    public static readonly TextTemplate UnlistedTreaty = T("BasisUnlistedTreaty",
        "The treaty '{treaty}' is not in the table of treaties between {requesting} and {requested}; the liaison officer checks it.");

    /// <summary>Warning: a detail UNTOC Art. 18(15)(e) or the Minsk Convention asks for only where possible.</summary>
    public static readonly TextTemplate WherePossible = T("WherePossible",
        "Not given ({source}: where possible); state it unknown if the requesting side does not know it.");

    /// <summary>Warning: a detail the requesting side stated unknown.</summary>
    public static readonly TextTemplate StatedUnknown = T("StatedUnknown", "Stated unknown by the requesting side ({source}).");

    /// <summary>A required field, for one requested country of several.</summary>
    public static readonly TextTemplate RequiredFor = T("RequiredFor", "Required for {country} ({source}).");

    /// <summary>A per-country basis for a country the request does not go to.</summary>
    public static readonly TextTemplate NotATarget = T("BasisNotATarget", "'{country}' is not one of the requested countries ({targets}).");

    /// <summary>Two per-country bases for one country.</summary>
    public static readonly TextTemplate BasisTwice = T("BasisTwice", "Each requested country has one legal basis.");

    /// <summary>A per-country basis without its instrument.</summary>
    public static readonly TextTemplate BasisRequired = T("BasisRequired", "The legal basis for {country} is required.");

    /// <summary>A detail stated unknown that the rules do not know.</summary>
    public static readonly TextTemplate UnknownDetail = T("UnknownDetail", "'{detail}' cannot be stated unknown; one of {details}.");

    /// <summary>A detail both given and stated unknown.</summary>
    public static readonly TextTemplate GivenAndUnknown = T("GivenAndUnknown", "'{detail}' is given and stated unknown; keep one.");

    /// <summary>Every template.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } =
    [
        NotAParty, NotInForce, Replaced, UnverifiedParty, UnverifiedReplacement, UnlistedTreaty, WherePossible, StatedUnknown, RequiredFor,
        NotATarget, BasisTwice, BasisRequired, UnknownDetail, GivenAndUnknown,
    ];
}
