namespace MlaRequests.Domain.Cases;

/// <summary>
/// The codes of a consultation before refusal or postponement (UNTOC Art. 18(26)) and of the conditions of an acceptance. They cross
/// the border as these strings; never rename one.
/// </summary>
public static class ConsultationCodes
{
    /// <summary>The requested side proposes conditions under which it would execute.</summary>
    public const string Conditions = "Conditions";

    /// <summary>The requested side announces that it intends to refuse (grounds of UNTOC Art. 18(21)).</summary>
    public const string IntendedRefusal = "IntendedRefusal";

    /// <summary>The requested side announces that it intends to postpone (UNTOC Art. 18(25)).</summary>
    public const string IntendedPostponement = "IntendedPostponement";

    /// <summary>Every purpose of a consultation.</summary>
    public static IReadOnlyList<string> Purposes { get; } = [Conditions, IntendedRefusal, IntendedPostponement];

    /// <summary>The requesting side accepts what was proposed.</summary>
    public const string Accepted = "Accepted";

    /// <summary>The requesting side supplies what is missing.</summary>
    public const string Supplied = "Supplied";

    /// <summary>
    /// The grounds of a postponement (UNTOC Art. 18(25): execution would interfere with an ongoing investigation, prosecution or
    /// judicial proceedings): the codes of <c>workflows/.../Data/postponement-grounds.json</c>, which the postponement step uses too
    /// (a fast test holds them equal).
    /// </summary>
    public static IReadOnlyList<string> PostponementGrounds { get; } = ["ONGOING_INVESTIGATION", "ONGOING_PROSECUTION", "ONGOING_PROCEEDINGS"];

    /// <summary>
    /// The kinds of condition: use limited to the proceedings stated in the request (speciality, UNTOC Art. 18(19)), confidentiality
    /// (Art. 18(20)), costs borne by the requesting party (by agreement, Art. 18(28)), and any other.
    /// </summary>
    public static IReadOnlyList<string> ConditionKinds { get; } = ["UseLimitedToProceedings", "Confidentiality", "CostsBorneByRequestingParty", "Other"];
}
