using MlaRequests.Domain.Requests;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Node.Pages.Requests;

/// <summary>The guided form's fields: flat strings the browser posts, turned into the API's <see cref="RequestContent"/> and back.</summary>
public sealed class RequestForm
{
    /// <summary>Rows the form offers for measures.</summary>
    public const int MeasureRows = 3;

    /// <summary>Rows the form offers for persons.</summary>
    public const int PersonRows = 4;

#pragma warning disable CS1591 // Plain form fields, named as the content they fill (see RequestContent).
    public RequestKind Kind { get; set; }
    public LegalBasis? LegalBasis { get; set; }
    public string? TreatyName { get; set; }
    public string? ReciprocityAssurance { get; set; }
    public List<string> Targets { get; set; } = [];
    public Dictionary<string, LegalBasis?> TargetBasis { get; set; } = [];
    public Dictionary<string, string?> TargetTreaty { get; set; } = [];
    public Dictionary<string, string?> TargetReciprocity { get; set; } = [];
    public string? RequestingName { get; set; }
    public string? RequestingFunction { get; set; }
    public string? ConductingName { get; set; }
    public string? ConductingFunction { get; set; }
    public string? RequestedAuthority { get; set; }
    public string? CaseReference { get; set; }
    public CaseStage? Stage { get; set; }
    public string? Facts { get; set; }
    public string? OffenceQualification { get; set; }
    public string? LawText { get; set; }
    public decimal? DamageAmount { get; set; }
    public string? DamageCurrency { get; set; }
    public List<MeasureRow> Measures { get; set; } = [];
    public List<PersonRow> Persons { get; set; } = [];
    public string? EvidencePurpose { get; set; }
    public bool Urgent { get; set; }
    public string? UrgencyReasons { get; set; }
    public string? DesiredDate { get; set; }
    public bool Confidential { get; set; }
    public string? LimitsOnUse { get; set; }
    public string? OriginalLanguage { get; set; }
    public string? TranslationLanguage { get; set; }
    public string? Translator { get; set; }
    public string? CertifiedOn { get; set; }
    public string? LinkedCaseReference { get; set; }
    public string? TranslationCountry { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryFunction { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public UntocGround? UntocGround { get; set; }
    public string? UntocReasons { get; set; }
    public string? Penalty { get; set; }

    public sealed class MeasureRow
    {
        public MeasureType Type { get; set; }
        public string? Description { get; set; }
        public string? Procedure { get; set; }
    }

    public sealed class PersonRow
    {
        public PersonRole Role { get; set; }
        public PersonKind Kind { get; set; }
        public string? Name { get; set; }
        public string? Citizenship { get; set; }
        public string? DateOfBirth { get; set; }
        public string? PlaceOfBirth { get; set; }
        public string? Residence { get; set; }
        public string? Occupation { get; set; }
        public string? Seat { get; set; }
        public ProceduralStatus? ProceduralStatus { get; set; }
        public string? BankDetails { get; set; }
        public string? FiscalCode { get; set; }
        public RepresentativeKind RepresentativeKind { get; set; }
        public string? RepresentativeName { get; set; }
        public string? RepresentativeAddress { get; set; }

        /// <summary>The representatives beyond the first (the form shows one; an API client may have sent more), kept on edit.</summary>
        public List<Representative> MoreRepresentatives { get; set; } = [];
        public List<string> Unknown { get; set; } = [];
        public bool InPretrialDetention { get; set; }
        public bool PossibleMinor { get; set; }
    }
#pragma warning restore CS1591

    /// <summary>Pads the repeated rows so the form always shows its empty lines.</summary>
    public RequestForm Padded()
    {
        while (Measures.Count < MeasureRows)
            Measures.Add(new MeasureRow());
        while (Persons.Count < PersonRows)
            Persons.Add(new PersonRow());
        return this;
    }

    /// <summary>The content the API stores; empty rows are left out.</summary>
    public RequestContent ToContent() => new()
    {
        Kind = Kind, LegalBasis = LegalBasis, TreatyName = Trim(TreatyName), ReciprocityAssurance = Trim(ReciprocityAssurance),
        Targets = Targets.Distinct().ToList(),
        TargetBases = TargetBasesOf(Targets.Distinct()),
        RequestingAuthority = Authority(RequestingName, RequestingFunction), ConductingAuthority = Authority(ConductingName, ConductingFunction),
        RequestedAuthority = Trim(RequestedAuthority), CaseReference = Trim(CaseReference), Stage = Stage, Facts = Trim(Facts),
        OffenceQualification = Trim(OffenceQualification), LawText = Trim(LawText), DamageAmount = DamageAmount, DamageCurrency = Trim(DamageCurrency),
        Measures = Measures.Where(m => !string.IsNullOrWhiteSpace(m.Description))
            .Select(m => new MeasureRequested { Type = m.Type, Description = Trim(m.Description), Procedure = Trim(m.Procedure) }).ToList(),
        Persons = Persons.Where(p => !string.IsNullOrWhiteSpace(p.Name)).Select(p => new PersonConcerned
        {
            Role = p.Role, Kind = p.Kind, Name = Trim(p.Name), Citizenship = Trim(p.Citizenship), DateOfBirth = Date(p.DateOfBirth),
            PlaceOfBirth = Trim(p.PlaceOfBirth), Residence = Trim(p.Residence), Occupation = Trim(p.Occupation), Seat = Trim(p.Seat),
            ProceduralStatus = p.ProceduralStatus, BankDetails = Trim(p.BankDetails), FiscalCode = Trim(p.FiscalCode),
            Representatives = Representatives(p),
            Unknown = p.Unknown.Count == 0 ? null : p.Unknown.Distinct().ToList(),
            InPretrialDetention = p.InPretrialDetention ? true : null, PossibleMinor = p.PossibleMinor ? true : null,
        }).ToList(),
        EvidencePurpose = Trim(EvidencePurpose), Urgent = Urgent, UrgencyReasons = Trim(UrgencyReasons), DesiredDate = Date(DesiredDate),
        Confidential = Confidential, LimitsOnUse = Trim(LimitsOnUse), OriginalLanguage = Trim(OriginalLanguage),
        Translations = string.IsNullOrWhiteSpace(TranslationLanguage) ? []
            : [new Translation { Language = Trim(TranslationLanguage), Translator = Trim(Translator), CertifiedOn = Date(CertifiedOn), Country = Trim(TranslationCountry) }],
        LinkedCaseReference = Trim(LinkedCaseReference),
        Signatory = Trim(SignatoryName) is null && Trim(SignatoryFunction) is null ? null : new Signatory { Name = Trim(SignatoryName), Function = Trim(SignatoryFunction) },
        ContactOfficer = Trim(ContactName) is null && Trim(ContactPhone) is null && Trim(ContactEmail) is null ? null
            : new ContactOfficer { Name = Trim(ContactName), Phone = Trim(ContactPhone), Email = Trim(ContactEmail) },
        UntocScope = UntocGround is null && Trim(UntocReasons) is null ? null : new UntocScope { Ground = UntocGround, Reasons = Trim(UntocReasons) },
        Penalty = Trim(Penalty),
    };

    /// <summary>The form of stored content (to edit a draft).</summary>
    public static RequestForm From(RequestContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var translation = c.Translations.FirstOrDefault();
        return new RequestForm
        {
            Kind = c.Kind, LegalBasis = c.LegalBasis, TreatyName = c.TreatyName, ReciprocityAssurance = c.ReciprocityAssurance, Targets = [.. c.Targets],
            TargetBasis = (c.TargetBases ?? []).Where(b => b?.Country is not null).DistinctBy(b => b.Country).ToDictionary(b => b.Country!, b => b.LegalBasis),
            TargetTreaty = (c.TargetBases ?? []).Where(b => b?.Country is not null).DistinctBy(b => b.Country).ToDictionary(b => b.Country!, b => b.TreatyName),
            TargetReciprocity = (c.TargetBases ?? []).Where(b => b?.Country is not null).DistinctBy(b => b.Country).ToDictionary(b => b.Country!, b => b.ReciprocityAssurance),
            RequestingName = c.RequestingAuthority?.Name, RequestingFunction = c.RequestingAuthority?.Function,
            ConductingName = c.ConductingAuthority?.Name, ConductingFunction = c.ConductingAuthority?.Function,
            RequestedAuthority = c.RequestedAuthority, CaseReference = c.CaseReference, Stage = c.Stage, Facts = c.Facts,
            OffenceQualification = c.OffenceQualification, LawText = c.LawText, DamageAmount = c.DamageAmount, DamageCurrency = c.DamageCurrency,
            Measures = c.Measures.Select(m => new MeasureRow { Type = m.Type, Description = m.Description, Procedure = m.Procedure }).ToList(),
            Persons = c.Persons.Select(p => new PersonRow
            {
                Role = p.Role, Kind = p.Kind, Name = p.Name, Citizenship = p.Citizenship, DateOfBirth = Format(p.DateOfBirth),
                PlaceOfBirth = p.PlaceOfBirth, Residence = p.Residence, Occupation = p.Occupation, Seat = p.Seat, Unknown = [.. p.Unknown ?? []],
                ProceduralStatus = p.ProceduralStatus, BankDetails = p.BankDetails, FiscalCode = p.FiscalCode,
                RepresentativeKind = p.Representatives?.FirstOrDefault()?.Kind ?? default, RepresentativeName = p.Representatives?.FirstOrDefault()?.Name,
                RepresentativeAddress = p.Representatives?.FirstOrDefault()?.Address, MoreRepresentatives = p.Representatives?.Skip(1).ToList() ?? [],
                InPretrialDetention = p.InPretrialDetention == true, PossibleMinor = p.PossibleMinor == true,
            }).ToList(),
            EvidencePurpose = c.EvidencePurpose, Urgent = c.Urgent, UrgencyReasons = c.UrgencyReasons, DesiredDate = Format(c.DesiredDate),
            Confidential = c.Confidential, LimitsOnUse = c.LimitsOnUse, OriginalLanguage = c.OriginalLanguage,
            TranslationLanguage = translation?.Language, Translator = translation?.Translator, CertifiedOn = Format(translation?.CertifiedOn),
            LinkedCaseReference = c.LinkedCaseReference, TranslationCountry = translation?.Country,
            SignatoryName = c.Signatory?.Name, SignatoryFunction = c.Signatory?.Function,
            ContactName = c.ContactOfficer?.Name, ContactPhone = c.ContactOfficer?.Phone, ContactEmail = c.ContactOfficer?.Email,
            UntocGround = c.UntocScope?.Ground, UntocReasons = c.UntocScope?.Reasons, Penalty = c.Penalty,
        }.Padded();
    }

    static List<Representative>? Representatives(PersonRow p)
    {
        var first = Trim(p.RepresentativeName) is null && Trim(p.RepresentativeAddress) is null ? null
            : new Representative { Kind = p.RepresentativeKind, Name = Trim(p.RepresentativeName), Address = Trim(p.RepresentativeAddress) };
        List<Representative> all = [.. first is null ? [] : new[] { first }, .. p.MoreRepresentatives];
        return all.Count == 0 ? null : all;
    }

    /// <summary>The per-country bases chosen for requested countries; null when none (every country relies on the request's basis).</summary>
    List<TargetBasis>? TargetBasesOf(IEnumerable<string> targets)
    {
        var bases = targets.Where(t => TargetBasis.GetValueOrDefault(t) is not null)
            .Select(t => new TargetBasis
            {
                Country = t, LegalBasis = TargetBasis[t], TreatyName = Trim(TargetTreaty.GetValueOrDefault(t)), ReciprocityAssurance = Trim(TargetReciprocity.GetValueOrDefault(t)),
            }).ToList();
        return bases.Count == 0 ? null : bases;
    }

    static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static Authority? Authority(string? name, string? function) =>
        Trim(name) is null && Trim(function) is null ? null : new Authority { Name = Trim(name), Function = Trim(function) };

    static LocalDate? Date(string? value) => value is not null && LocalDatePattern.Iso.Parse(value) is { Success: true } parsed ? parsed.Value : null;

    static string? Format(LocalDate? date) => date is { } value ? LocalDatePattern.Iso.Format(value) : null;
}
