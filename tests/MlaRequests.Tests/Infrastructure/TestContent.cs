using MlaRequests.Domain.Requests;
using NodaTime;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>Request content that satisfies every legal basis's required fields.</summary>
public static class TestContent
{
    public static RequestContent Complete(LegalBasis basis = LegalBasis.Chisinau2002, params string[] targets) => new()
    {
        Kind = RequestKind.ClassicMla,
        LegalBasis = basis,
        TreatyName = basis == LegalBasis.BilateralTreaty ? "Treaty on legal assistance in criminal matters (KZ–KG, 1997)" : null,
        ReciprocityAssurance = basis == LegalBasis.Reciprocity ? "Kazakhstan assures reciprocity in similar matters." : null,
        RequestingAuthority = new Authority { Name = "Prosecutor's Office of Almaty", Function = "Department for combating human trafficking" },
        ConductingAuthority = new Authority { Name = "Almaty City Police Department", Function = "Senior investigator" },
        RequestedAuthority = "General Prosecutor's Office (central authority)",
        CaseReference = "ALM-2026-4411",
        Stage = CaseStage.Investigation,
        Facts = "A recruitment network moved victims from Almaty to Bishkek and Dushanbe under false job offers.",
        OffenceQualification = "Art. 128 Criminal Code of the Republic of Kazakhstan (trafficking in persons)",
        LawText = "Article 128. Trafficking in persons: the purchase and sale of a person or other transactions in respect of a person ...",
        Measures = [new MeasureRequested { Type = MeasureType.Hearing, Description = "Hear the witness E. F. on the recruitment" }],
        Persons =
        [
            new PersonConcerned
            {
                Role = PersonRole.Suspect, Kind = PersonKind.Natural, Name = "A. B.", Citizenship = "KZ", DateOfBirth = new LocalDate(1985, 4, 2),
                PlaceOfBirth = "Taraz", Residence = "Almaty", Occupation = "driver", ProceduralStatus = ProceduralStatus.Accused,
                Representatives = [new Representative { Kind = RepresentativeKind.Lawyer, Name = "G. H., advocate", Address = "12 Abay Avenue, Almaty" }],
            },
            new PersonConcerned
            {
                Role = PersonRole.Witness, Kind = PersonKind.Natural, Name = "E. F.", Citizenship = "KG", DateOfBirth = new LocalDate(1990, 1, 15),
                PlaceOfBirth = "Osh", Residence = "Bishkek", Occupation = "cashier", ProceduralStatus = ProceduralStatus.Witness,
            },
        ],
        EvidencePurpose = "Prove the recruitment scheme and identify the organisers",
        OriginalLanguage = "ru",
        Targets = targets.Length == 0 ? ["KG"] : [.. targets],
        Signatory = new Signatory { Name = "K. L.", Function = "Deputy Prosecutor of Almaty" },
        ContactOfficer = new ContactOfficer { Name = "M. N.", Phone = "+7 727 271 00 00", Email = "m.n@prokuror.example.kz" },
        UntocScope = new UntocScope
        {
            Ground = UntocGround.TraffickingProtocol, Reasons = "Recruiters in Kazakhstan and Kyrgyzstan acting together moved victims across both borders.",
        },
        Penalty = "Deprivation of liberty from 7 to 12 years with confiscation of property (Art. 128(3) Criminal Code)",
    };

    /// <summary><see cref="Complete"/> as the previous release wrote it: none of the fields issue 15 added.</summary>
    public static RequestContent AsPreviousRelease(RequestContent content)
    {
        content.Signatory = null;
        content.ContactOfficer = null;
        content.UntocScope = null;
        content.Penalty = null;
        content.Translations.ForEach(t => t.Country = null);
        content.Persons.ForEach(p => (p.ProceduralStatus, p.BankDetails, p.FiscalCode, p.Representatives) = (null, null, null, null));
        return content;
    }

    /// <summary>A complete JIT agreement between KZ (the requesting node of these tests) and <paramref name="targets"/>: KZ's leader and a member, then each target's leader.</summary>
    public static JitProposal JitAgreement(IReadOnlyList<string> targets) => new()
    {
        Purpose = "Dismantle the Almaty–Bishkek–Dushanbe recruitment network",
        StartsOn = new LocalDate(2026, 7, 1),
        EndsOn = new LocalDate(2027, 12, 31),
        Arrangements = "Evidence is shared directly between the leaders; working language Russian; each party bears its own costs.",
        Members =
        [
            new() { Country = "KZ", Name = "Aigerim Bekova", Function = "Senior prosecutor", Authority = "Prosecutor General's Office of Kazakhstan", Leader = true },
            new() { Country = "KZ", Name = "Daniyar Ospanov", Function = "Investigator", Authority = "Anti-Corruption Agency of Kazakhstan" },
            .. targets.Select(t => new JitMember { Country = t, Name = $"Leader of {t}", Function = "Prosecutor", Authority = $"Prosecutor General's Office of {t}", Leader = true }),
        ],
    };
}
