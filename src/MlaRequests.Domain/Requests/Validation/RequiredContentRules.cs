using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>One required field and the legal source that requires it.</summary>
/// <param name="Field">A field name known to <see cref="RequiredContentFields"/>.</param>
/// <param name="Source">The article or design decision that makes it mandatory.</param>
public sealed record FieldRule(string Field, string Source)
{
    /// <summary><c>required</c> (a missing value blocks submission) or <c>warning</c> (the text asks for it only where possible).</summary>
    public string Level { get; init; } = RuleLevels.Required;

    /// <summary>For a national code's rule: the requesting countries it binds; null binds every request.</summary>
    public IReadOnlyList<string>? RequestingCountries { get; init; }

    /// <summary>A reviewer's note on the rule (not shown as its source).</summary>
    public string? Note { get; init; }

    /// <summary>True when a missing value is a warning, not a block.</summary>
    public bool IsWarning => Level == RuleLevels.Warning;
}

/// <summary>The levels of a <see cref="FieldRule"/>.</summary>
public static class RuleLevels
{
    /// <summary>A missing value blocks submission.</summary>
    public const string Required = "required";

    /// <summary>A missing value is shown to the liaison officer; submission goes through ("where possible").</summary>
    public const string Warning = "warning";
}

/// <summary>A warning about a request's content: submission goes through, the liaison officer sees it at approval.</summary>
/// <param name="Field">The field's path (<c>persons[1].citizenship</c>, <c>targetBases[0].legalBasis</c>).</param>
/// <param name="Message">What to check, with its source.</param>
public sealed record ContentWarning(string Field, string Message);

/// <summary>What the required-content rules say about a request: the missing fields (a block) and the warnings.</summary>
/// <param name="Missing">Every missing field, keyed by path, with the sources requiring it; empty when the request may leave draft.</param>
/// <param name="Warnings">Details asked for only where possible that are missing or stated unknown.</param>
public sealed record ContentEvaluation(Dictionary<string, string[]> Missing, IReadOnlyList<ContentWarning> Warnings);

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
        var all = rules.Always.Concat(rules.LegalBasis.Values.SelectMany(x => x)).Concat(rules.Kinds.Values.SelectMany(k => k.Require))
            .Concat(rules.Conditional.Values.SelectMany(x => x)).ToList();
        var levels = all.Where(r => r.Level is not (RuleLevels.Required or RuleLevels.Warning)).Select(r => $"{r.Field}: '{r.Level}'").ToList();
        if (levels.Count > 0)
            throw new InvalidDataException($"The required-content rules name unknown levels (required or warning): {string.Join(", ", levels)}.");
        var countries = all.SelectMany(r => r.RequestingCountries ?? []).Where(c => !NodeCode.IsKnown(c)).Distinct().ToList();
        if (countries.Count > 0)
            throw new InvalidDataException($"The required-content rules name unknown requesting countries: {string.Join(", ", countries)}.");
        var unsourced = all.Where(r => string.IsNullOrWhiteSpace(r.Source)).Select(r => r.Field).ToList();
        if (unsourced.Count > 0)
            throw new InvalidDataException($"The required-content rules have no source for: {string.Join(", ", unsourced)}.");
        return rules;
    }

    /// <summary>The rules that apply to <paramref name="content"/> under its request-level basis; a national code's rule only for a request made by <paramref name="requestingCountry"/>.</summary>
    public IEnumerable<FieldRule> For(RequestContent content, string? requestingCountry = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var applicable = Always.Where(r => r.RequestingCountries is null || (requestingCountry is not null && r.RequestingCountries.Contains(requestingCountry))).ToList();
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
    /// Every missing field of <paramref name="content"/>, keyed by its path, with the sources that require it. Empty when
    /// the request may leave draft. See <see cref="Evaluate"/>.
    /// </summary>
    public Dictionary<string, string[]> Missing(RequestContent content, string? requestingCountry = null) => Evaluate(content, requestingCountry).Missing;

    /// <summary>
    /// The rules applied to <paramref name="content"/> once per requested country, with that country's legal basis
    /// (<see cref="RequestContent.ForTarget"/>); the request needs the union. A required field that is missing blocks
    /// (named by its path; a per-country basis field as <c>targetBases[i].…</c>); a "where possible" field that is missing,
    /// or a detail stated unknown, is a warning.
    /// </summary>
    public ContentEvaluation Evaluate(RequestContent content, string? requestingCountry = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var missing = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var warnings = new List<ContentWarning>();
        var several = content.Targets.Count > 1;
        var targets = content.Targets.Count > 0 ? content.Targets.Select(t => (string?)t).ToList() : [null];
        foreach (var target in targets)
        {
            var view = target is null ? content : content.ForTarget(target);
            var own = target is null ? null : content.TargetBasisOf(target);
            foreach (var rule in For(view, requestingCountry))
            {
                foreach (var path in RequiredContentFields.StatedUnknown(rule.Field, view))
                    Add(warnings, new ContentWarning(path, LegalBasisTexts.StatedUnknown.Format(rule.Source)));
                foreach (var found in RequiredContentFields.Missing(rule.Field, view))
                {
                    var path = own is { } entry && found is "legalBasis" or "treatyName" or "reciprocityAssurance" ? $"targetBases[{entry.Index}].{found}" : found;
                    if (rule.IsWarning)
                    {
                        Add(warnings, new ContentWarning(path, LegalBasisTexts.WherePossible.Format(rule.Source)));
                        continue;
                    }
                    if (!missing.TryGetValue(path, out var sources))
                        missing[path] = sources = [];
                    var text = several ? LegalBasisTexts.RequiredFor.Format(target, rule.Source) : ProblemTexts.RequiredBy.Format(rule.Source);
                    if (!sources.Contains(text))
                        sources.Add(text);
                }
            }
        }
        warnings.RemoveAll(w => missing.ContainsKey(w.Field));
        return new ContentEvaluation(missing.ToDictionary(x => x.Key, x => x.Value.ToArray(), StringComparer.Ordinal), warnings);
    }

    static void Add(List<ContentWarning> warnings, ContentWarning warning)
    {
        if (!warnings.Contains(warning))
            warnings.Add(warning);
    }

    IEnumerable<FieldRule> Flag(string name) => Conditional.TryGetValue(name, out var rules) ? rules : [];
}
