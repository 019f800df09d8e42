using NodaTime;

namespace MlaRequests.Domain.Requests;

/// <summary>A person the request concerns (natural or legal), with their role.</summary>
public sealed class PersonConcerned
{
    /// <summary>Role in the case.</summary>
    public PersonRole Role { get; set; }

    /// <summary>Natural or legal person.</summary>
    public PersonKind Kind { get; set; }

    /// <summary>Full name, or a legal person's name.</summary>
    public string? Name { get; set; }

    /// <summary>Citizenship (natural persons).</summary>
    public string? Citizenship { get; set; }

    /// <summary>Date of birth (natural persons).</summary>
    public LocalDate? DateOfBirth { get; set; }

    /// <summary>Place of birth (natural persons).</summary>
    public string? PlaceOfBirth { get; set; }

    /// <summary>Residence (natural persons).</summary>
    public string? Residence { get; set; }

    /// <summary>Occupation (natural persons).</summary>
    public string? Occupation { get; set; }

    /// <summary>Seat (legal persons).</summary>
    public string? Seat { get; set; }

    /// <summary>The person's procedural status (suspect, accused, victim, witness...), refining <see cref="Role"/>; optional.</summary>
    public ProceduralStatus? ProceduralStatus { get; set; }

    /// <summary>Bank details (legal persons): bank, account, bank code.</summary>
    public string? BankDetails { get; set; }

    /// <summary>Tax or fiscal code (legal persons): BIN, INN, TIN as the state names it.</summary>
    public string? FiscalCode { get; set; }

    /// <summary>The person's representatives (lawyer, legal representative) with their addresses; null from older releases.</summary>
    public List<Representative>? Representatives { get; set; }

    /// <summary>
    /// Details the requesting side states it does not know (<c>citizenship</c>, <c>dateOfBirth</c>, <c>placeOfBirth</c>,
    /// <c>residence</c>): "unknown" is a valid answer (UNTOC Art. 18(15)(e): "where possible"). A detail stated unknown
    /// satisfies the rule that asks for it and is shown to the liaison officer as a warning. Null: nothing stated unknown.
    /// </summary>
    public List<string>? Unknown { get; set; }

    /// <summary>
    /// The person is held in pre-trial detention (issue 15, priority): the request is urgent, every clock runs its urgent
    /// variant. Null (content of release 2 and earlier): not stated.
    /// </summary>
    public bool? InPretrialDetention { get; set; }

    /// <summary>
    /// The victim is or may be under 18, also when no date of birth is known (issue 15, priority; DOMAIN.md "Deadline
    /// clocks"): the request is urgent and the person's identifying data are protected as a child's. Null (content of
    /// release 2 and earlier): not stated; the date of birth alone decides.
    /// </summary>
    public bool? PossibleMinor { get; set; }

    /// <summary>True when the requesting side stated <paramref name="detail"/> unknown.</summary>
    public bool IsStatedUnknown(string detail) => Unknown?.Contains(detail, StringComparer.Ordinal) == true;

    /// <summary>True for a natural person under 18 on <paramref name="date"/>.</summary>
    /// <remarks>Counted back from <paramref name="date"/>: a birth date near the end of the calendar (stored by an older
    /// release that did not bound it) must not overflow; such a "person" is simply not a child.</remarks>
    public bool IsChildOn(LocalDate date) =>
        Kind == PersonKind.Natural && DateOfBirth is { } born && born > date.PlusYears(-18) && born <= date;

    /// <summary>
    /// True for a victim protected as a child on <paramref name="date"/>: under 18 by the date of birth, or flagged as a
    /// possible minor (a natural person; the flag wins over a birth date, since the age may be disputed).
    /// </summary>
    public bool IsChildVictimOn(LocalDate date) =>
        Role == PersonRole.Victim && Kind == PersonKind.Natural && (PossibleMinor == true || IsChildOn(date));
}

/// <summary>A person's role in the case.</summary>
public enum PersonRole
{
    /// <summary>Suspected or accused.</summary>
    Suspect,

    /// <summary>Victim.</summary>
    Victim,

    /// <summary>Witness.</summary>
    Witness,
}

/// <summary>Natural or legal person.</summary>
public enum PersonKind
{
    /// <summary>A human being.</summary>
    Natural,

    /// <summary>A company or other legal entity.</summary>
    Legal,
}
