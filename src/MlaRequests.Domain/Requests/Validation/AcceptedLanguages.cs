using System.Text.Json;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>One language a state accepts requests in, with where that comes from.</summary>
/// <param name="Code">ISO 639-1 code, lower case.</param>
/// <param name="Source">The notification, law or practice that says so.</param>
/// <param name="Verified">False when the source could not be checked against an official text.</param>
public sealed record AcceptedLanguage(string Code, string Source, bool Verified);

/// <summary>The languages one requested state accepts.</summary>
/// <param name="Name">The state's name.</param>
/// <param name="Languages">The accepted languages.</param>
public sealed record StateLanguages(string Name, IReadOnlyList<AcceptedLanguage> Languages);

/// <summary>
/// Which languages each requested state accepts a request in (UNTOC Art. 18(14) notifications; CIS practice:
/// the requested state's language or Russian), read from data, and the check that a request offers every
/// requested country at least one of them: its original language or a translation meant for that country
/// (or for every country). A request that names no language at all is left to the required-content rules.
/// </summary>
public sealed class AcceptedLanguages
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Per node code.</summary>
    public IReadOnlyDictionary<string, StateLanguages> States { get; init; } = new Dictionary<string, StateLanguages>();

    /// <summary>Parses the data; a state without languages, a code that is not two lower-case letters or an entry without a source is an error.</summary>
    public static AcceptedLanguages Parse(string json)
    {
        var data = JsonSerializer.Deserialize<AcceptedLanguages>(json, Json) ?? throw new InvalidDataException("The accepted-languages data is empty.");
        foreach (var (country, state) in data.States)
        {
            if (!NodeCode.IsKnown(country))
                throw new InvalidDataException($"accepted-languages.json: unknown country '{country}'.");
            if (state.Languages is not { Count: > 0 })
                throw new InvalidDataException($"accepted-languages.json: {country} accepts no language.");
            foreach (var language in state.Languages)
            {
                if (!IsCode(language.Code))
                    throw new InvalidDataException($"accepted-languages.json: {country} has the language code '{language.Code}' (two lower-case letters expected).");
                if (string.IsNullOrWhiteSpace(language.Source))
                    throw new InvalidDataException($"accepted-languages.json: {country}'s language '{language.Code}' has no source.");
            }
            if (state.Languages.Select(l => l.Code).Distinct().Count() != state.Languages.Count)
                throw new InvalidDataException($"accepted-languages.json: {country} lists a language twice.");
        }
        return data;
    }

    /// <summary>True for a two-letter lower-case code.</summary>
    public static bool IsCode(string? code) => code is { Length: 2 } && code.All(char.IsAsciiLetterLower);

    /// <summary>The codes <paramref name="country"/> accepts, or empty when the data does not know it.</summary>
    public IReadOnlyList<string> For(string country) =>
        States.TryGetValue(country, out var state) ? state.Languages.Select(l => l.Code).ToList() : [];

    /// <summary>
    /// The language problems of <paramref name="content"/>, keyed by field: a translation meant for a country the request
    /// does not go to (<c>translations[i].country</c>), and per requested country that accepts none of the languages offered
    /// to it, the translation meant for it (<c>translations[i].language</c>) or else <c>originalLanguage</c>, naming the
    /// accepted languages.
    /// </summary>
    public Dictionary<string, string[]> Problems(RequestContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string problem)
        {
            if (!problems.TryGetValue(field, out var list))
                problems[field] = list = [];
            list.Add(problem);
        }
        var translations = content.Translations.Select((t, i) => (t, i)).Where(x => x.t is not null).ToList();
        foreach (var (t, i) in translations.Where(x => x.t.Country is { } c && !content.Targets.Contains(c)))
            Add($"translations[{i}].country", ContentTexts.NotATarget.Format(t.Country));
        foreach (var target in content.Targets.Where(t => t is not null).Distinct())
        {
            var accepted = For(target);
            var forTarget = translations.Where(x => x.t.Country is null || x.t.Country == target).ToList();
            var offered = forTarget.Select(x => x.t.Language).Prepend(content.OriginalLanguage)
                .Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim().ToLowerInvariant()).Distinct().ToList();
            if (accepted.Count == 0 || offered.Count == 0 || offered.Intersect(accepted).Any())
                continue;
            var field = forTarget.FirstOrDefault(x => x.t.Country == target) is { t: not null } own ? $"translations[{own.i}].language" : "originalLanguage";
            Add(field, ContentTexts.LanguageNotAccepted.Format(target, string.Join(", ", accepted), string.Join(", ", offered)));
        }
        return problems.ToDictionary(x => x.Key, x => x.Value.ToArray(), StringComparer.Ordinal);
    }
}
