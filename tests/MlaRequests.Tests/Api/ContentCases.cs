using MlaRequests.Domain.Requests;
using MlaRequests.Tests.Infrastructure;
using NodaTime;

namespace MlaRequests.Tests.Api;

/// <summary>
/// Request content per legal basis with fields taken out: what each basis requires (the fields
/// submit must name) and what it does not (a submit that must go through). Cases are looked up by
/// name so the theories show a readable name.
/// </summary>
public static class ContentCases
{
    public sealed record Case(LegalBasis Basis, Action<RequestContent> Change, string[] Missing);

    static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["Untoc without the conducting authority's function, the stage and the evidence purpose (a missing citizenship only warns)"] = new(LegalBasis.Untoc, c =>
        {
            c.ConductingAuthority!.Function = null;
            c.Stage = null;
            c.EvidencePurpose = null;
            c.Persons[0].Citizenship = " ";
        }, ["conductingAuthority.function", "stage", "evidencePurpose"]),
        ["Minsk 1993 without the requested authority, the law's text, a residence, an occupation and a company's seat"] = new(LegalBasis.Minsk1993, c =>
        {
            c.RequestedAuthority = null;
            c.LawText = null;
            c.Persons[0].Residence = null;
            c.Persons[1].Occupation = "";
            c.Persons.Add(new PersonConcerned { Role = PersonRole.Suspect, Kind = PersonKind.Legal, Name = "Silk Road Recruiting LLP" });
        }, ["requestedAuthority", "lawText", "persons[0].residence", "persons[1].occupation", "persons[2].seat"]),
        ["Chisinau 2002 without the second person's date and place of birth, the original language and the requested authority"] = new(LegalBasis.Chisinau2002, c =>
        {
            c.Persons[1].DateOfBirth = null;
            c.Persons[1].PlaceOfBirth = null;
            c.OriginalLanguage = null;
            c.RequestedAuthority = "  ";
        }, ["persons[1].dateOfBirth", "persons[1].placeOfBirth", "originalLanguage", "requestedAuthority"]),
        ["a bilateral treaty without the treaty's name, the evidence purpose and a measure's description (a missing name only warns)"] = new(LegalBasis.BilateralTreaty, c =>
        {
            c.TreatyName = null;
            c.EvidencePurpose = null;
            c.Measures[0].Description = null;
            c.Persons[1].Name = null;
        }, ["treatyName", "evidencePurpose", "measures[0].description"]),
        ["reciprocity without the assurance, the offence, the law's text and the conducting authority"] = new(LegalBasis.Reciprocity, c =>
        {
            c.ReciprocityAssurance = null;
            c.OffenceQualification = null;
            c.LawText = null;
            c.ConductingAuthority = null;
        }, ["reciprocityAssurance", "offenceQualification", "lawText", "conductingAuthority.name"]),
        ["any basis without the requesting authority, the case reference and the facts"] = new(LegalBasis.Untoc, c =>
        {
            c.RequestingAuthority = null;
            c.CaseReference = null;
            c.Facts = "";
        }, ["requestingAuthority.name", "caseReference", "facts"]),
        ["no legal basis at all"] = new(LegalBasis.Untoc, c => c.LegalBasis = null, ["legalBasis"]),
        ["no requested country"] = new(LegalBasis.Untoc, c => c.Targets = [], ["targets"]),
        ["Untoc with a measure not described (persons without names only warn)"] = new(LegalBasis.Untoc, c =>
        {
            c.Measures.Add(new MeasureRequested { Type = MeasureType.ObtainRecords });
            c.Persons.ForEach(p => p.Name = null);
        }, ["measures[1].description"]),

        ["Untoc without the offence, the requested authority and personal details"] = new(LegalBasis.Untoc, c =>
        {
            c.OffenceQualification = null;
            c.RequestedAuthority = null;
            c.Persons.ForEach(p => (p.Occupation, p.Residence, p.DateOfBirth, p.PlaceOfBirth, p.Citizenship) = (null, null, null, null, null));
        }, []),
        ["Minsk 1993 without the conducting authority, the stage, the evidence purpose and births (where possible)"] = new(LegalBasis.Minsk1993, c =>
        {
            c.ConductingAuthority = null;
            c.Stage = null;
            c.EvidencePurpose = null;
            c.Persons.ForEach(p => (p.DateOfBirth, p.PlaceOfBirth) = (null, null));
        }, []),
        ["Chisinau 2002 without the evidence purpose, the stage and the conducting authority's function"] = new(LegalBasis.Chisinau2002, c =>
        {
            c.EvidencePurpose = null;
            c.Stage = null;
            c.ConductingAuthority!.Function = null;
        }, []),
        ["Chisinau 2002 with a company named with its seat but no birth, citizenship or occupation"] = new(LegalBasis.Chisinau2002, c =>
            c.Persons.Add(new PersonConcerned
            {
                Role = PersonRole.Suspect, Kind = PersonKind.Legal, Name = "Silk Road Recruiting LLP", Seat = "Almaty",
                BankDetails = "KZ86 125K ZT50 0410 0100, Halyk Bank", FiscalCode = "BIN 120340012345",
            }), []),
        ["a bilateral treaty without the offence, citizenships, the requested authority and the language"] = new(LegalBasis.BilateralTreaty, c =>
        {
            c.OffenceQualification = null;
            c.RequestedAuthority = null;
            c.OriginalLanguage = null;
            c.Persons.ForEach(p => p.Citizenship = null);
        }, []),
        ["reciprocity without any person, the stage, the requested authority and the language"] = new(LegalBasis.Reciprocity, c =>
        {
            c.Persons = [];
            c.Stage = null;
            c.RequestedAuthority = null;
            c.OriginalLanguage = null;
        }, []),

        ["a JIT proposal without the team's terms (and no measures)"] = new(LegalBasis.Untoc, c =>
        {
            c.Kind = RequestKind.JointInvestigationTeam;
            c.Measures = [];
            c.EvidencePurpose = null;
        }, ["jit.purpose", "jit.startsOn", "jit.endsOn", "jit.arrangements", "jit.members"]),
        ["a JIT proposal with purpose and period but no members or arrangements"] = new(LegalBasis.Untoc, c =>
        {
            c.Kind = RequestKind.JointInvestigationTeam;
            c.Measures = [];
            c.EvidencePurpose = null;
            c.Jit = new JitProposal { Purpose = "Dismantle the recruitment network", StartsOn = new LocalDate(2026, 6, 1), EndsOn = new LocalDate(2027, 11, 30) };
        }, ["jit.arrangements", "jit.members"]),
        ["a JIT proposal whose second member has no authority and whose requested party has no leader"] = new(LegalBasis.Untoc, c =>
        {
            c.Kind = RequestKind.JointInvestigationTeam;
            c.Measures = [];
            c.EvidencePurpose = null;
            c.Jit = TestContent.JitAgreement(c.Targets);
            c.Jit.Members![1].Authority = " ";
            c.Jit.Members.RemoveAll(m => m.Leader && m.Country != "KZ");
        }, ["jit.members[1].authority", "jit.members"]),
        ["a JIT proposal with its agreement and no measures"] = new(LegalBasis.Untoc, c =>
        {
            c.Kind = RequestKind.JointInvestigationTeam;
            c.Measures = [];
            c.EvidencePurpose = null;
            c.Jit = TestContent.JitAgreement(c.Targets);
        }, []),
        ["spontaneous information under Minsk 1993 without measures, evidence purpose or requested authority"] = new(LegalBasis.Minsk1993, c =>
        {
            c.Kind = RequestKind.SpontaneousInformation;
            c.Measures = [];
            c.EvidencePurpose = null;
            c.RequestedAuthority = null;
        }, []),
        ["a parallel investigation under a bilateral treaty without the offence"] = new(LegalBasis.BilateralTreaty, c =>
        {
            c.Kind = RequestKind.ParallelInvestigation;
            c.OffenceQualification = null;
        }, ["offenceQualification"]),
        ["an urgent request without reasons"] = new(LegalBasis.Untoc, c => c.Urgent = true, ["urgencyReasons"]),
        ["an urgent request with reasons"] = new(LegalBasis.Untoc, c =>
        {
            c.Urgent = true;
            c.UrgencyReasons = "The witness leaves the country on 10 May.";
        }, []),
        ["a confidential request without limits on use"] = new(LegalBasis.Chisinau2002, c => c.Confidential = true, ["limitsOnUse"]),
        ["a translation without the translator's certification"] = new(LegalBasis.Minsk1993, c =>
            c.Translations = [new Translation { Language = "ky" }], ["translations[0].translator", "translations[0].certifiedOn"]),
    };

    public static TheoryData<string> Refused() => Names(c => c.Missing.Length > 0);

    public static TheoryData<string> Accepted() => Names(c => c.Missing.Length == 0);

    public static Case Get(string name) => Cases[name];

    /// <summary>The case's content: complete for its basis, then changed.</summary>
    public static RequestContent Content(string name)
    {
        var @case = Cases[name];
        // The Minsk Convention applies between Kazakhstan and Uzbekistan; between Kazakhstan and Kyrgyzstan the Chisinau Convention replaces it.
        var content = @case.Basis == LegalBasis.Minsk1993 ? TestContent.Complete(@case.Basis, "UZ") : TestContent.Complete(@case.Basis);
        @case.Change(content);
        return content;
    }

    static TheoryData<string> Names(Func<Case, bool> which)
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Cases.Where(x => which(x.Value)))
            data.Add(name);
        return data;
    }
}
