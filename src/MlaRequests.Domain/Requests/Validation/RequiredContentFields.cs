namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// Every field name the required-content rules may use, and how to tell whether a request has it.
/// A list field (<c>persons[].name</c>) yields one entry per item, named with its index, so an
/// error names exactly which person lacks what.
/// </summary>
public static class RequiredContentFields
{
    static readonly Dictionary<string, Func<RequestContent, IEnumerable<(string Path, bool Present)>>> Fields = new(StringComparer.Ordinal)
    {
        ["legalBasis"] = c => One("legalBasis", c.LegalBasis is not null),
        ["treatyName"] = c => One("treatyName", Has(c.TreatyName)),
        ["reciprocityAssurance"] = c => One("reciprocityAssurance", Has(c.ReciprocityAssurance)),
        ["requestingAuthority.name"] = c => One("requestingAuthority.name", Has(c.RequestingAuthority?.Name)),
        ["requestingAuthority.function"] = c => One("requestingAuthority.function", Has(c.RequestingAuthority?.Function)),
        ["conductingAuthority.name"] = c => One("conductingAuthority.name", Has(c.ConductingAuthority?.Name)),
        ["conductingAuthority.function"] = c => One("conductingAuthority.function", Has(c.ConductingAuthority?.Function)),
        ["requestedAuthority"] = c => One("requestedAuthority", Has(c.RequestedAuthority)),
        ["caseReference"] = c => One("caseReference", Has(c.CaseReference)),
        ["stage"] = c => One("stage", c.Stage is not null),
        ["facts"] = c => One("facts", Has(c.Facts)),
        ["offenceQualification"] = c => One("offenceQualification", Has(c.OffenceQualification)),
        ["lawText"] = c => One("lawText", Has(c.LawText)),
        ["evidencePurpose"] = c => One("evidencePurpose", Has(c.EvidencePurpose)),
        ["urgencyReasons"] = c => One("urgencyReasons", Has(c.UrgencyReasons)),
        ["limitsOnUse"] = c => One("limitsOnUse", Has(c.LimitsOnUse)),
        ["originalLanguage"] = c => One("originalLanguage", Has(c.OriginalLanguage)),
        ["targets"] = c => One("targets", c.Targets.Count > 0),
        ["measures"] = c => One("measures", c.Measures.Count > 0),
        ["measures[].description"] = c => Each(c.Measures, "measures", "description", _ => true, m => Has(m.Description)),
        ["persons"] = c => One("persons", c.Persons.Count > 0),
        ["persons[].name"] = c => Each(c.Persons, "persons", "name", _ => true, p => Has(p.Name)),
        ["persons[].citizenship"] = c => Each(c.Persons, "persons", "citizenship", Natural, p => Has(p.Citizenship) || p.IsStatedUnknown("citizenship")),
        ["persons[].dateOfBirth"] = c => Each(c.Persons, "persons", "dateOfBirth", Natural, p => p.DateOfBirth is not null || p.IsStatedUnknown("dateOfBirth")),
        ["persons[].placeOfBirth"] = c => Each(c.Persons, "persons", "placeOfBirth", Natural, p => Has(p.PlaceOfBirth) || p.IsStatedUnknown("placeOfBirth")),
        ["persons[].residence"] = c => Each(c.Persons, "persons", "residence", Natural, p => Has(p.Residence) || p.IsStatedUnknown("residence")),
        ["persons[].occupation"] = c => Each(c.Persons, "persons", "occupation", Natural, p => Has(p.Occupation)),
        ["persons[].seat"] = c => Each(c.Persons, "persons", "seat", p => p.Kind == PersonKind.Legal, p => Has(p.Seat)),
        ["translations[].language"] = c => Each(c.Translations, "translations", "language", _ => true, t => Has(t.Language)),
        ["translations[].translator"] = c => Each(c.Translations, "translations", "translator", _ => true, t => Has(t.Translator)),
        ["translations[].certifiedOn"] = c => Each(c.Translations, "translations", "certifiedOn", _ => true, t => t.CertifiedOn is not null),
        ["jit.purpose"] = c => One("jit.purpose", Has(c.Jit?.Purpose)),
        ["jit.startsOn"] = c => One("jit.startsOn", c.Jit?.StartsOn is not null),
        ["jit.endsOn"] = c => One("jit.endsOn", c.Jit?.EndsOn is not null),
        ["persons[].bankDetails"] = c => Each(c.Persons, "persons", "bankDetails", Legal, p => Has(p.BankDetails)),
        ["persons[].fiscalCode"] = c => Each(c.Persons, "persons", "fiscalCode", Legal, p => Has(p.FiscalCode)),
        ["persons[].proceduralStatus"] = c => Each(c.Persons, "persons", "proceduralStatus", _ => true, p => p.ProceduralStatus is not null),
        ["persons[].representatives[].name"] = c => EachRepresentative(c, "name", r => Has(r.Name)),
        ["persons[].representatives[].address"] = c => EachRepresentative(c, "address", r => Has(r.Address)),
        ["signatory.name"] = c => One("signatory.name", Has(c.Signatory?.Name)),
        ["signatory.function"] = c => One("signatory.function", Has(c.Signatory?.Function)),
        ["contactOfficer.name"] = c => One("contactOfficer.name", Has(c.ContactOfficer?.Name)),
        ["untocScope.ground"] = c => One("untocScope.ground", c.UntocScope?.Ground is not null),
        ["untocScope.reasons"] = c => One("untocScope.reasons", Has(c.UntocScope?.Reasons)),
        ["penalty"] = c => One("penalty", Has(c.Penalty)),
    };

    /// <summary>The details of a natural person the requesting side may state unknown (<see cref="PersonConcerned.Unknown"/>), with how to read each.</summary>
    public static IReadOnlyDictionary<string, Func<PersonConcerned, bool>> Unknowable { get; } = new Dictionary<string, Func<PersonConcerned, bool>>(StringComparer.Ordinal)
    {
        ["citizenship"] = p => Has(p.Citizenship),
        ["dateOfBirth"] = p => p.DateOfBirth is not null,
        ["placeOfBirth"] = p => Has(p.PlaceOfBirth),
        ["residence"] = p => Has(p.Residence),
    };

    /// <summary>The paths of <paramref name="field"/> that <paramref name="content"/>'s persons stated unknown instead of giving (empty for other fields).</summary>
    public static IEnumerable<string> StatedUnknown(string field, RequestContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        const string Prefix = "persons[].";
        if (!field.StartsWith(Prefix, StringComparison.Ordinal) || !Unknowable.TryGetValue(field[Prefix.Length..], out var given))
            return [];
        var detail = field[Prefix.Length..];
        return content.Persons.Select((p, i) => (p, i)).Where(x => Natural(x.p) && x.p.IsStatedUnknown(detail) && !given(x.p))
            .Select(x => $"persons[{x.i}].{detail}");
    }

    /// <summary>True when the rules may name <paramref name="field"/>.</summary>
    public static bool IsKnown(string field) => Fields.ContainsKey(field);

    /// <summary>The paths of <paramref name="field"/> that <paramref name="content"/> lacks (indexed for list fields).</summary>
    public static IEnumerable<string> Missing(string field, RequestContent content) =>
        Fields[field](content).Where(x => !x.Present).Select(x => x.Path);

    static bool Natural(PersonConcerned person) => person.Kind == PersonKind.Natural;

    static bool Legal(PersonConcerned person) => person.Kind == PersonKind.Legal;

    /// <summary>Each representative given (a person without one lacks nothing): <c>persons[0].representatives[1].address</c>.</summary>
    static IEnumerable<(string, bool)> EachRepresentative(RequestContent c, string field, Func<Representative, bool> present) =>
        c.Persons.SelectMany((p, i) => (p.Representatives ?? []).Select((r, j) => (r, j)).Where(x => x.r is not null)
            .Select(x => ($"persons[{i}].representatives[{x.j}].{field}", present(x.r))));

    static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);

    static IEnumerable<(string, bool)> One(string path, bool present) => [(path, present)];

    static IEnumerable<(string, bool)> Each<T>(List<T> items, string list, string field, Func<T, bool> applies, Func<T, bool> present) =>
        items.Select((item, i) => (item, i)).Where(x => applies(x.item)).Select(x => ($"{list}[{x.i}].{field}", present(x.item)));
}
