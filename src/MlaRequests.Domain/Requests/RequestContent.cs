using NodaTime;

namespace MlaRequests.Domain.Requests;

/// <summary>
/// What a request says: the union of UNTOC Art. 18(15), the Minsk Convention Art. 7 and the EIO
/// form (DOMAIN.md). Which fields are mandatory depends on the legal basis and kind; the rules are
/// data (<c>workflows/…/Data/required-content.json</c>). Stored as one JSON document per request.
/// </summary>
public sealed class RequestContent
{
    /// <summary>Classic MLA, parallel, mirror, JIT proposal or spontaneous information.</summary>
    public RequestKind Kind { get; set; }

    /// <summary>The instrument relied on.</summary>
    public LegalBasis? LegalBasis { get; set; }

    /// <summary>The bilateral treaty's name, when the basis is a bilateral treaty.</summary>
    public string? TreatyName { get; set; }

    /// <summary>The statement of reciprocity, when there is no treaty.</summary>
    public string? ReciprocityAssurance { get; set; }

    /// <summary>The authority making the request.</summary>
    public Authority? RequestingAuthority { get; set; }

    /// <summary>The authority conducting the investigation, prosecution or trial.</summary>
    public Authority? ConductingAuthority { get; set; }

    /// <summary>The requested authority or central authority (per target, when they differ, named in <see cref="Targets"/>).</summary>
    public string? RequestedAuthority { get; set; }

    /// <summary>The case reference of the requesting office.</summary>
    public string? CaseReference { get; set; }

    /// <summary>Stage of the proceedings.</summary>
    public CaseStage? Stage { get; set; }

    /// <summary>Summary of the facts.</summary>
    public string? Facts { get; set; }

    /// <summary>The offence's legal qualification (article and code).</summary>
    public string? OffenceQualification { get; set; }

    /// <summary>The text of the law describing the offence.</summary>
    public string? LawText { get; set; }

    /// <summary>Damage caused, where relevant.</summary>
    public decimal? DamageAmount { get; set; }

    /// <summary>Currency of the damage amount (ISO 4217).</summary>
    public string? DamageCurrency { get; set; }

    /// <summary>The measures requested.</summary>
    public List<MeasureRequested> Measures { get; set; } = [];

    /// <summary>Persons concerned, with their roles.</summary>
    public List<PersonConcerned> Persons { get; set; } = [];

    /// <summary>What the evidence is for.</summary>
    public string? EvidencePurpose { get; set; }

    /// <summary>Urgent request.</summary>
    public bool Urgent { get; set; }

    /// <summary>Why it is urgent.</summary>
    public string? UrgencyReasons { get; set; }

    /// <summary>A desired date for the measures, if any.</summary>
    public LocalDate? DesiredDate { get; set; }

    /// <summary>Confidential request.</summary>
    public bool Confidential { get; set; }

    /// <summary>Limits on the use of information and evidence.</summary>
    public string? LimitsOnUse { get; set; }

    /// <summary>Language of the original (ISO 639-1).</summary>
    public string? OriginalLanguage { get; set; }

    /// <summary>Translations with the translator's certification.</summary>
    public List<Translation> Translations { get; set; } = [];

    /// <summary>Reference of a linked parallel, mirror or JIT case, if any.</summary>
    public string? LinkedCaseReference { get; set; }

    /// <summary>Terms of a proposed joint investigation team.</summary>
    public JitProposal? Jit { get; set; }

    /// <summary>The requested countries' node codes; each becomes its own branch.</summary>
    public List<string> Targets { get; set; } = [];

    /// <summary>The earlier request to the same country this one follows (supplementary, or after a refusal), if any; set by the node.</summary>
    public FollowUp? FollowsUp { get; set; }

    /// <summary>Who signs the letter (name, function); printed above the signature and seal.</summary>
    public Signatory? Signatory { get; set; }

    /// <summary>The officer the requested authority may contact about the request.</summary>
    public ContactOfficer? ContactOfficer { get; set; }

    /// <summary>Why UNTOC applies (organised criminal group or a Trafficking Protocol offence); required when the basis is UNTOC.</summary>
    public UntocScope? UntocScope { get; set; }

    /// <summary>The sanction the requesting state's law provides for the offence (e.g. "deprivation of liberty from 7 to 12 years").</summary>
    public string? Penalty { get; set; }

    /// <summary>
    /// The legal basis per requested country, when it differs from the request-level one (issue 15); null or without an
    /// entry for a country: that country relies on <see cref="LegalBasis"/>. Added after release 2, so stored requests
    /// and requests from a release-2 peer keep their meaning.
    /// </summary>
    public List<TargetBasis>? TargetBases { get; set; }

    /// <summary>The entry of <see cref="TargetBases"/> for <paramref name="country"/> and its index, or null when the country relies on the request-level basis.</summary>
    public (TargetBasis Entry, int Index)? TargetBasisOf(string country)
    {
        for (var i = 0; i < (TargetBases?.Count ?? 0); i++)
        {
            if (TargetBases![i] is { } entry && string.Equals(entry.Country, country, StringComparison.Ordinal))
                return (entry, i);
        }
        return null;
    }

    /// <summary>The instrument relied on towards <paramref name="country"/>: its own entry, else the request-level basis.</summary>
    public LegalBasis? BasisFor(string country) => TargetBasisOf(country) is { } own ? own.Entry.LegalBasis : LegalBasis;

    /// <summary>
    /// The content as sent to <paramref name="country"/>: a copy whose request-level basis, treaty name and reciprocity
    /// statement are that country's (so a release-2 peer, which reads only those, reads the right instrument) and whose
    /// <see cref="TargetBases"/> holds that country's entry only (a country does not see the bases chosen for the others).
    /// </summary>
    public RequestContent ForTarget(string country)
    {
        var copy = RequestContentJson.Deserialize(RequestContentJson.Serialize(this));
        if (TargetBasisOf(country) is { } own)
        {
            copy.LegalBasis = own.Entry.LegalBasis;
            copy.TreatyName = own.Entry.TreatyName;
            copy.ReciprocityAssurance = own.Entry.ReciprocityAssurance;
            copy.TargetBases = [copy.TargetBases![own.Index]];
        }
        else
        {
            copy.TargetBases = null;
        }
        return copy;
    }

    /// <summary>
    /// Child-victim priority ("leave no child behind"): a victim under 18 on <paramref name="today"/>, or flagged as a
    /// possible minor (<see cref="PersonConcerned.PossibleMinor"/>), makes every clock of the request urgent and restricts
    /// the child's identifying data.
    /// </summary>
    public bool HasChildVictim(LocalDate today) => Persons.Any(p => p?.IsChildVictimOn(today) == true);

    /// <summary>True when a person concerned is held in pre-trial detention (<see cref="PersonConcerned.InPretrialDetention"/>).</summary>
    public bool HasDetainedPerson() => Persons.Any(p => p?.InPretrialDetention == true);

    /// <summary>
    /// Priority (issue 15; DOMAIN.md "Deadline clocks"): the request runs the urgent variant of every clock when it is
    /// marked urgent, a victim is or may be a minor on <paramref name="today"/>, or a person is in pre-trial detention.
    /// </summary>
    public bool IsPriority(LocalDate today) => Urgent || HasChildVictim(today) || HasDetainedPerson();
}
