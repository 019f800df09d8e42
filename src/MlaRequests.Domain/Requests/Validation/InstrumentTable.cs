using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>One state's participation in an instrument: from when it is in force for that state, the source, and whether an official source confirmed it.</summary>
/// <param name="Country">The state (node code).</param>
/// <param name="InForceFrom">The first day the instrument is in force for that state.</param>
/// <param name="Source">The act or record the entry rests on.</param>
/// <param name="Verified">False: not yet checked against an official source; relying on it is a warning, never a block.</param>
public sealed record InstrumentParty(string Country, LocalDate InForceFrom, string Source, bool Verified);

/// <summary>A later instrument that replaces this one between the states that are parties to both.</summary>
/// <param name="Basis">The replacing instrument.</param>
/// <param name="Source">The article that says so.</param>
public sealed record Replacement(LegalBasis Basis, string Source);

/// <summary>A bilateral treaty between two states of the region.</summary>
/// <param name="Name">Its name as a request cites it.</param>
/// <param name="Countries">The two states.</param>
/// <param name="InForceFrom">The first day it is in force.</param>
/// <param name="Source">Its source.</param>
/// <param name="Verified">False: not yet checked against an official source.</param>
public sealed record BilateralTreatyEntry(string Name, IReadOnlyList<string> Countries, LocalDate InForceFrom, string Source, bool Verified);

/// <summary>An instrument of the table: its name, its parties (a multilateral convention), or any two states (reciprocity, bilateral treaties).</summary>
/// <param name="Basis">The legal basis it is.</param>
/// <param name="Name">Its name in a sentence ("Minsk Convention").</param>
/// <param name="Source">Its text.</param>
/// <param name="Parties">The region's states that are parties; null for bases between any two states.</param>
/// <param name="ReplacedBy">A later instrument replacing it between their common parties, if any.</param>
public sealed record Instrument(LegalBasis Basis, string Name, string Source, IReadOnlyList<InstrumentParty>? Parties, Replacement? ReplacedBy);

/// <summary>What the table says about relying on one instrument between two states on one date.</summary>
/// <param name="Problem">Why it does not apply (a block), or null.</param>
/// <param name="Warnings">What to check before relying on it (unverified entries): never a block.</param>
public sealed record Applicability(string? Problem, IReadOnlyList<string> Warnings)
{
    /// <summary>True when the instrument may be relied on.</summary>
    public bool Applies => Problem is null;
}

/// <summary>
/// Which instruments apply between two states of the region (issue 15; DOMAIN.md "Required content"): the parties of
/// UNTOC, the Minsk 1993 and Chisinau 2002 conventions with their dates of entry into force and sources, the rule that
/// Chisinau replaces Minsk between its parties only (Chisinau Art. 120-121), bilateral treaties and reciprocity.
/// Read from data (<c>workflows/…/Data/legal-instruments.json</c>). An entry that no official source confirmed is a
/// warning; only a verified fact refuses a basis.
/// </summary>
public sealed class InstrumentTable
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() }, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    readonly Dictionary<LegalBasis, Instrument> _instruments;

    InstrumentTable(Dictionary<LegalBasis, Instrument> instruments, IReadOnlyList<BilateralTreatyEntry> treaties)
    {
        _instruments = instruments;
        Treaties = treaties;
    }

    /// <summary>Every instrument, one per legal basis.</summary>
    public IReadOnlyCollection<Instrument> Instruments => _instruments.Values;

    /// <summary>The bilateral treaties the table lists.</summary>
    public IReadOnlyList<BilateralTreatyEntry> Treaties { get; }

    /// <summary>The instrument of <paramref name="basis"/>.</summary>
    public Instrument this[LegalBasis basis] => _instruments[basis];

    /// <summary>Parses the table; every legal basis must be there once, every party a known state with a source, every date ISO.</summary>
    public static InstrumentTable Parse(string json)
    {
        File file;
        try
        {
            file = JsonSerializer.Deserialize<File>(json, Json) ?? throw new InvalidDataException("The legal-instrument table is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The legal-instrument table is unreadable: {e.Message}", e);
        }
        var instruments = new Dictionary<LegalBasis, Instrument>();
        foreach (var entry in file.Instruments ?? [])
        {
            var where = $"instrument {entry.Basis}";
            if (!instruments.TryAdd(entry.Basis, new Instrument(entry.Basis, Required(entry.Name, where, "name"), Required(entry.Source, where, "source"),
                    entry.Parties?.Select(p => new InstrumentParty(Country(p.Country, where), Date(p.InForceFrom, $"{where}, {p.Country}"),
                        Required(p.Source, $"{where}, {p.Country}", "source"), p.Verified ?? false)).ToList(),
                    entry.ReplacedBy is { } r ? new Replacement(r.Basis, Required(r.Source, where, "replacedBy.source")) : null)))
                throw new InvalidDataException($"The legal-instrument table lists {entry.Basis} twice.");
            if (instruments[entry.Basis].Parties is { } parties && parties.Select(p => p.Country).Distinct().Count() != parties.Count)
                throw new InvalidDataException($"The legal-instrument table lists a party of {entry.Basis} twice.");
        }
        var missing = Enum.GetValues<LegalBasis>().Where(b => !instruments.ContainsKey(b)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"The legal-instrument table has no entry for {string.Join(", ", missing)}.");
        foreach (var instrument in instruments.Values.Where(i => i.ReplacedBy is not null))
        {
            if (instrument.Parties is null || instruments[instrument.ReplacedBy!.Basis].Parties is null)
                throw new InvalidDataException($"The legal-instrument table: {instrument.Basis} is replaced by {instrument.ReplacedBy!.Basis}; both need parties.");
        }
        var treaties = (file.Treaties ?? []).Select(t =>
        {
            var where = $"treaty '{t.Name}'";
            if (t.Countries is not { Count: 2 } countries)
                throw new InvalidDataException($"The legal-instrument table: {where} names two countries.");
            return new BilateralTreatyEntry(Required(t.Name, "treaty", "name"), countries.Select(c => Country(c, where)).ToList(), Date(t.InForceFrom, where),
                Required(t.Source, where, "source"), t.Verified ?? false);
        }).ToList();
        return new InstrumentTable(instruments, treaties);
    }

    /// <summary>
    /// Whether <paramref name="basis"/> may be relied on for a request from <paramref name="requesting"/> to
    /// <paramref name="requested"/> made on <paramref name="on"/> (a bilateral treaty named <paramref name="treatyName"/>).
    /// </summary>
    public Applicability Check(LegalBasis basis, string requesting, string requested, LocalDate on, string? treatyName = null)
    {
        var instrument = _instruments[basis];
        var warnings = new List<string>();
        if (basis == LegalBasis.BilateralTreaty)
        {
            if (!string.IsNullOrWhiteSpace(treatyName) && !Treaties.Any(t => Between(t, requesting, requested) && Same(t.Name, treatyName)))
                warnings.Add(LegalBasisTexts.UnlistedTreaty.Format(treatyName.Trim(), Name(requesting), Name(requested)));
            foreach (var treaty in Treaties.Where(t => Between(t, requesting, requested) && Same(t.Name, treatyName) && !t.Verified))
                warnings.Add(LegalBasisTexts.UnverifiedParty.Format(Name(requested), treaty.Name, treaty.Source));
            return new Applicability(null, warnings);
        }
        if (instrument.Parties is not { } parties)
            return new Applicability(null, warnings);
        foreach (var country in new[] { requesting, requested })
        {
            var party = parties.SingleOrDefault(p => p.Country == country);
            if (party is null)
                return new Applicability(LegalBasisTexts.NotAParty.Format(instrument.Name, Name(requesting), Name(requested), Name(country), instrument.Source), []);
            if (!party.Verified)
                warnings.Add(LegalBasisTexts.UnverifiedParty.Format(Name(country), instrument.Name, party.Source));
            else if (on < party.InForceFrom)
                return new Applicability(LegalBasisTexts.NotInForce.Format(instrument.Name, Name(requesting), Name(requested), Iso(on), Name(country),
                    Iso(party.InForceFrom), party.Source), []);
        }
        if (instrument.ReplacedBy is { } replacement)
        {
            var later = _instruments[replacement.Basis];
            var both = new[] { requesting, requested }.Select(c => later.Parties!.SingleOrDefault(p => p.Country == c)).ToList();
            if (both.All(p => p is not null && on >= p.InForceFrom))
            {
                if (both.All(p => p!.Verified))
                    return new Applicability(LegalBasisTexts.Replaced.Format(instrument.Name, Name(requesting), Name(requested), later.Name, replacement.Source), []);
                var doubtful = both.First(p => !p!.Verified)!;
                warnings.Add(LegalBasisTexts.UnverifiedReplacement.Format(later.Name, instrument.Name, Name(requesting), Name(requested), Name(doubtful.Country),
                    doubtful.Source));
            }
        }
        return new Applicability(null, warnings);
    }

    /// <summary>The instruments that apply (with or without warnings) between the two states on the date.</summary>
    public IReadOnlyList<LegalBasis> Applicable(string requesting, string requested, LocalDate on) =>
        Enum.GetValues<LegalBasis>().Where(b => Check(b, requesting, requested, on).Applies).ToList();

    static bool Between(BilateralTreatyEntry treaty, string a, string b) => treaty.Countries.Contains(a) && treaty.Countries.Contains(b);

    static bool Same(string name, string? other) => string.Equals(name.Trim(), other?.Trim(), StringComparison.OrdinalIgnoreCase);

    static string Name(string country) => NodeCode.Countries.TryGetValue(country, out var name) ? name : country;

    static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    static string Required(string? value, string where, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"The legal-instrument table: {where} has no {field}.") : value;

    static string Country(string? code, string where) =>
        NodeCode.IsKnown(code) ? code! : throw new InvalidDataException($"The legal-instrument table: {where} names unknown country '{code}'.");

    static LocalDate Date(string? value, string where) =>
        value is not null && LocalDatePattern.Iso.Parse(value) is { Success: true } parsed ? parsed.Value
            : throw new InvalidDataException($"The legal-instrument table: {where} has no ISO date of entry into force ('{value}').");

#pragma warning disable CA1812 // Instantiated by the JSON serializer.
    sealed record File([property: JsonPropertyName("$comment")] string? Comment, List<InstrumentEntry>? Instruments, List<TreatyEntry>? Treaties);

    sealed record InstrumentEntry(LegalBasis Basis, string? Name, string? Source, string? Note, List<PartyEntry>? Parties, ReplacementEntry? ReplacedBy);

    sealed record PartyEntry(string? Country, string? InForceFrom, string? Source, bool? Verified, string? Note);

    sealed record ReplacementEntry(LegalBasis Basis, string? Source);

    sealed record TreatyEntry(string? Name, List<string>? Countries, string? InForceFrom, string? Source, bool? Verified, string? Note);
#pragma warning restore CA1812
}
