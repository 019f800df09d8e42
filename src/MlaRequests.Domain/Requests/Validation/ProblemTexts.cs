using MlaRequests.Domain.Timeline;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// The messages of the API's problem details as English templates under stable keys: the API returns
/// the English, the web UI shows the key's text from the resource files in the user's language.
/// </summary>
public static class ProblemTexts
{
    static TextTemplate T(string key, string english) => new("Problem." + key, english);

    /// <summary>409 title.</summary>
    public static readonly TextTemplate NotAllowedTitle = T("NotAllowedTitle", "This step is not allowed now");

    /// <summary>409 detail: a step the current status does not allow.</summary>
    public static readonly TextTemplate NotAllowed = T("NotAllowed", "'{step}' is not allowed while the status is {status}. Allowed now: {steps}.");

    /// <summary>A step's text field left empty.</summary>
    public static readonly TextTemplate Required = T("Required", "'{field}' is required for this step.");

    /// <summary>A field the legal basis requires, with its sources.</summary>
    public static readonly TextTemplate RequiredBy = T("RequiredBy", "Required ({source}).");

    /// <summary>A refusal without a coded ground.</summary>
    public static readonly TextTemplate GroundsRequired = T("GroundsRequired", "At least one coded ground is required (UNTOC Art. 18(21)).");

    /// <summary>A refusal on fiscal grounds.</summary>
    public static readonly TextTemplate FiscalGround = T("FiscalGround", "Fiscal matters alone are never a ground for refusal (UNTOC Art. 18(22)).");

    /// <summary>A refusal with an unknown code.</summary>
    public static readonly TextTemplate UnknownGrounds = T("UnknownGrounds", "Unknown ground(s): {unknown}. Known: {grounds}.");

    /// <summary>A postponement without a future date.</summary>
    public static readonly TextTemplate FutureDate = T("FutureDate", "A future date is required.");

    /// <summary>An extension that is not a period.</summary>
    public static readonly TextTemplate PeriodRequired = T("PeriodRequired", "An ISO-8601 period such as P20D is required.");

    /// <summary>A second extension.</summary>
    public static readonly TextTemplate ExtendedOnce = T("ExtendedOnce", "The recognition period was already extended; it may be extended only once.");

    /// <summary>An extension out of the policy's range.</summary>
    public static readonly TextTemplate ExtensionRange = T("ExtensionRange", "Between 1 day and {days} days ({source}).");

    /// <summary>No content at all.</summary>
    public static readonly TextTemplate ContentRequired = T("ContentRequired", "The request content is required.");

    /// <summary>A target that is not a node of the region.</summary>
    public static readonly TextTemplate UnknownCountry = T("UnknownCountry", "Unknown country '{country}'; one of {countries}.");

    /// <summary>This node as a target.</summary>
    public static readonly TextTemplate OwnCountry = T("OwnCountry", "A request goes to another country, not to this one.");

    /// <summary>A target listed twice.</summary>
    public static readonly TextTemplate CountryTwice = T("CountryTwice", "Each country appears once.");

    /// <summary>A JIT period backwards.</summary>
    public static readonly TextTemplate JitPeriod = T("JitPeriod", "The team's period ends after it starts.");

    /// <summary>A negative damage amount.</summary>
    public static readonly TextTemplate NegativeDamage = T("NegativeDamage", "The damage amount cannot be negative.");

    /// <summary>A text over the length limit.</summary>
    public static readonly TextTemplate TooLong = T("TooLong", "At most {max} characters.");

    /// <summary>A list over the item limit.</summary>
    public static readonly TextTemplate TooMany = T("TooMany", "At most {max} entries.");

    /// <summary>A list given as null.</summary>
    public static readonly TextTemplate ListRequired = T("ListRequired", "A list is required here (it may be empty).");

    /// <summary>A null entry in a list.</summary>
    public static readonly TextTemplate NullEntry = T("NullEntry", "An entry cannot be empty (null).");

    /// <summary>A value outside an enumeration.</summary>
    public static readonly TextTemplate Undefined = T("Undefined", "'{value}' is not one of {values}.");

    /// <summary>A date outside its sane range.</summary>
    public static readonly TextTemplate DateRange = T("DateRange", "A date from {from} to {to}.");

    /// <summary>A value the API cannot read (wrong type, malformed JSON or date).</summary>
    public static readonly TextTemplate Unreadable = T("Unreadable", "This value cannot be read: {reason}");

    /// <summary>A field the body does not have.</summary>
    public static readonly TextTemplate UnknownField = T("UnknownField", "'{field}' is not a field of this body.");

    /// <summary>A body over the size limit.</summary>
    public static readonly TextTemplate BodyTooLarge = T("BodyTooLarge", "The body is larger than {bytes} bytes.");

    /// <summary>A page or page size out of range.</summary>
    public static readonly TextTemplate NumberRange = T("NumberRange", "A whole number from {min} to {max}.");

    /// <summary>An assignee who is not an account that may execute a case.</summary>
    public static readonly TextTemplate UnknownAssignee = T("UnknownAssignee", "'{user}' is not an active account of this node with a role that executes cases ({roles}).");

    /// <summary>The proposer of a refusal trying to sign it off too.</summary>
    public static readonly TextTemplate OwnRefusal = T("OwnRefusal", "A refusal needs a second person: whoever proposed it may not sign it off.");

    /// <summary><c>This case has no status enquiry {enquiry}.</c></summary>
    public static readonly TextTemplate UnknownEnquiry = T("UnknownEnquiry", "This case has no status enquiry {enquiry}.");

    /// <summary><c>This status enquiry was already answered; each enquiry is answered once.</c></summary>
    public static readonly TextTemplate EnquiryAnswered = T("EnquiryAnswered", "This status enquiry was already answered; each enquiry is answered once.");

    /// <summary><c>A new request after a refusal starts from a refused branch; this one is {status}.</c></summary>
    public static readonly TextTemplate AfterRefusalOnly = T("AfterRefusalOnly", "A new request after a refusal starts from a refused branch; this one is {status}.");

    /// <summary><c>The request was withdrawn from this country; a supplementary request does not follow it there.</c></summary>
    public static readonly TextTemplate SupplementaryWithdrawn = T("SupplementaryWithdrawn",
        "The request was withdrawn from this country; a supplementary request does not follow it there.");

    /// <summary><c>The link to an earlier request is set by the node (supplementary, after-refusal); leave it out or send it back unchanged.</c></summary>
    public static readonly TextTemplate FollowUpSetByNode = T("FollowUpSetByNode",
        "The link to an earlier request is set by the node (supplementary, after-refusal); leave it out or send it back unchanged.");

    /// <summary><c>Unknown code(s) {codes}; known: {known}.</c></summary>
    public static readonly TextTemplate UnknownCodes = T("UnknownCodes", "Unknown code(s) {codes}; known: {known}.");

    /// <summary><c>At least one condition is required, each with its kind and wording.</c></summary>
    public static readonly TextTemplate ConditionsRequired = T("ConditionsRequired", "At least one condition is required, each with its kind and wording.");

    /// <summary><c>Only a consultation on {purpose} takes {field}.</c></summary>
    public static readonly TextTemplate NotForPurpose = T("NotForPurpose", "Only a consultation on {purpose} takes {field}.");

    /// <summary>Every template.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } =
    [
        NotAllowedTitle, NotAllowed, Required, RequiredBy, GroundsRequired, FiscalGround, UnknownGrounds, FutureDate, PeriodRequired, ExtendedOnce,
        ExtensionRange, ContentRequired, UnknownCountry, OwnCountry, CountryTwice, JitPeriod, NegativeDamage, TooLong, TooMany,
        ListRequired, NullEntry, Undefined, DateRange, Unreadable, UnknownField, BodyTooLarge, NumberRange, UnknownAssignee,
        OwnRefusal,
        .. Measures.MeasureTexts.All,
        UnknownEnquiry, EnquiryAnswered, AfterRefusalOnly, SupplementaryWithdrawn,
        FollowUpSetByNode,
        UnknownCodes, ConditionsRequired, NotForPurpose,
        .. Cases.MilestoneTexts.All,
        .. JitAgreementTexts.All,
        .. ContentTexts.All,
        .. JitExtensionTexts.All,
        .. JitAmendmentTexts.All,
        .. LegalBasisTexts.All,
        .. FileNumberTexts.All,
        .. DesiredDateTexts.All,
    ];
}
