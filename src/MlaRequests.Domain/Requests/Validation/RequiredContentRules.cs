using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>One required field and the legal source that requires it.</summary>
/// <param name="Field">A field name known to <see cref="RequiredContentFields"/>.</param>
/// <param name="Source">The article or design decision that makes it mandatory.</param>
public sealed record FieldRule(string Field, string Source);

/// <summary>What a request kind adds to, and waives from, the legal basis's requirements.</summary>
/// <param name="Require">Fields the kind adds.</param>
/// <param name="Waive">Fields the kind does not need (e.g. measures for spontaneous information).</param>
public sealed record KindRule(IReadOnlyList<FieldRule> Require, IReadOnlyList<string> Waive);

/// <summary>
/// The required-content rules, read from data: which fields a request must have before it leaves
/// draft, depending on its legal basis, kind and flags (urgent, confidential, translated).
/// </summary>
public sealed class RequiredContentRules
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Fields every request needs.</summary>
    public IReadOnlyList<FieldRule> Always { get; init; } = [];

    /// <summary>Fields per legal basis.</summary>
    public IReadOnlyDictionary<LegalBasis, IReadOnlyList<FieldRule>> LegalBasis { get; init; } = new Dictionary<LegalBasis, IReadOnlyList<FieldRule>>();

    /// <summary>Additions and waivers per kind.</summary>
    public IReadOnlyDictionary<RequestKind, KindRule> Kinds { get; init; } = new Dictionary<RequestKind, KindRule>();

    /// <summary>Fields required when a flag is set: <c>urgent</c>, <c>confidential</c>, <c>translated</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FieldRule>> Conditional { get; init; } = new Dictionary<string, IReadOnlyList<FieldRule>>();

    /// <summary>Parses the rules; an unknown field name or flag is an error (a typo in the data must not silently drop a rule).</summary>
    public static RequiredContentRules Parse(string json)
    {
        var rules = JsonSerializer.Deserialize<RequiredContentRules>(json, Json)
            ?? throw new InvalidDataException("The required-content rules are empty.");
        var fields = rules.Always
            .Concat(rules.LegalBasis.Values.SelectMany(x => x))
            .Concat(rules.Kinds.Values.SelectMany(k => k.Require))
            .Concat(rules.Conditional.Values.SelectMany(x => x))
            .Select(r => r.Field)
            .Concat(rules.Kinds.Values.SelectMany(k => k.Waive));
        var unknown = fields.Where(f => !RequiredContentFields.IsKnown(f)).Distinct().ToList();
        if (unknown.Count > 0)
            throw new InvalidDataException($"The required-content rules name unknown fields: {string.Join(", ", unknown)}.");
        var flags = rules.Conditional.Keys.Except(["urgent", "confidential", "translated"]).ToList();
        if (flags.Count > 0)
            throw new InvalidDataException($"The required-content rules name unknown conditions: {string.Join(", ", flags)}.");
        return rules;
    }

    /// <summary>The rules that apply to <paramref name="content"/>.</summary>
    public IEnumerable<FieldRule> For(RequestContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var applicable = new List<FieldRule>(Always);
        if (content.LegalBasis is { } basis && LegalBasis.TryGetValue(basis, out var byBasis))
            applicable.AddRange(byBasis);
        Kinds.TryGetValue(content.Kind, out var kind);
        if (kind is not null)
            applicable.AddRange(kind.Require);
        if (content.Urgent)
            applicable.AddRange(Flag("urgent"));
        if (content.Confidential)
            applicable.AddRange(Flag("confidential"));
        if (content.Translations.Count > 0)
            applicable.AddRange(Flag("translated"));
        var waived = kind?.Waive ?? [];
        return applicable.Where(r => !waived.Contains(r.Field));
    }

    /// <summary>
    /// Every missing field of <paramref name="content"/>, keyed by its path, with the sources that
    /// require it. Empty when the request may leave draft.
    /// </summary>
    public Dictionary<string, string[]> Missing(RequestContent content)
    {
        var missing = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in For(content))
        {
            foreach (var path in RequiredContentFields.Missing(rule.Field, content))
            {
                if (!missing.TryGetValue(path, out var sources))
                    missing[path] = sources = [];
                if (!sources.Contains(rule.Source))
                    sources.Add(rule.Source);
            }
        }
        return missing.ToDictionary(x => x.Key, x => x.Value.Select(s => ProblemTexts.RequiredBy.Format(s)).ToArray(), StringComparer.Ordinal);
    }

    IEnumerable<FieldRule> Flag(string name) => Conditional.TryGetValue(name, out var rules) ? rules : [];
}
