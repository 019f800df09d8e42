using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MlaRequests.Domain.Timeline;

/// <summary>
/// A sentence the system writes in English (a timeline entry, a problem message) with named
/// <c>{placeholders}</c>, under a stable key. The stored or returned text stays English (the API is the
/// contract); the UI matches it back to the key and its values and renders the key's own text in the
/// user's language, so nothing needs storing twice.
/// </summary>
public sealed partial class TextTemplate
{
    readonly Regex _pattern;

    /// <summary>A template <paramref name="english"/> known by <paramref name="key"/>.</summary>
    public TextTemplate(string key, string english)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(english);
        Key = key;
        English = english;
        Names = Placeholder().Matches(english).Select(m => m.Groups[1].Value).ToList();
        var pattern = new StringBuilder("^");
        var at = 0;
        foreach (Match m in Placeholder().Matches(english))
        {
            pattern.Append(Regex.Escape(english[at..m.Index])).Append("(?<").Append(m.Groups[1].Value).Append(">.*?)");
            at = m.Index + m.Length;
        }
        pattern.Append(Regex.Escape(english[at..])).Append('$');
        _pattern = new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>The stable key (resource files hold <c>Text.{Key}</c>).</summary>
    public string Key { get; }

    /// <summary>The English text with its placeholders.</summary>
    public string English { get; }

    /// <summary>The placeholders in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The English text with <paramref name="values"/> in the placeholders, in order.</summary>
    public string Format(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Names.Count)
            throw new ArgumentException($"'{Key}' takes {Names.Count} value(s), not {values.Length}.", nameof(values));
        var i = 0;
        return Placeholder().Replace(English, _ => Convert.ToString(values[i++], CultureInfo.InvariantCulture) ?? string.Empty);
    }

    /// <summary>The placeholders' values when <paramref name="text"/> was written from this template, else null.</summary>
    public IReadOnlyDictionary<string, string>? Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = _pattern.Match(text);
        return match.Success ? Names.ToDictionary(n => n, n => match.Groups[n].Value, StringComparer.Ordinal) : null;
    }

    /// <summary>Fills <paramref name="text"/> (a translation with the same placeholders) from <paramref name="values"/>.</summary>
    public static string Fill(string text, Func<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(text, m => values(m.Groups[1].Value));
    }

    /// <summary>The placeholders of any text.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
