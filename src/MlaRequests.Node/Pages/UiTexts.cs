using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using MlaRequests.Domain.Requests.Validation;
using MlaRequests.Domain.Timeline;
using MlaRequests.Node.Features.Requests;
using MlaRequests.Node.Resources;
using MlaRequests.Workflows.Shared;
using NodaTime.Text;
using MlaRequests.Node.Audit;

namespace MlaRequests.Node.Pages;

/// <summary>
/// What the system wrote in English (timeline entries, problem messages, codes, periods) shown in the
/// user's language: a text written from a <see cref="TextTemplate"/> is matched back to its key and
/// values, and the key's text from the resource files is filled with the values, each value itself
/// translated when it is a code (status, clock, country, ground, step, field). Free text stays as written.
/// </summary>
public sealed partial class UiTexts(IStringLocalizer<Ui> t, UiFormat f)
{
    static readonly LocalDatePattern LongDate = LocalDatePattern.Create("dddd, dd MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A timeline entry's action and details in the user's language.</summary>
    public (string Action, string? Details) Timeline(TimelineView entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var known in TimelineTexts.All)
        {
            if (known.Action.Match(entry.Action) is not { } values)
                continue;
            var details = entry.Details;
            if (!string.IsNullOrWhiteSpace(details))
                details = known.Details.Select(d => Localize(d, details)).FirstOrDefault(d => d is not null) ?? details;
            return (Render(known.Action, values), details);
        }
        return (entry.Action, entry.Details);
    }

    /// <summary>A problem message of the API in the user's language (as written when it is not one of <see cref="ProblemTexts"/>).</summary>
    public string Problem(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ProblemTexts.All.Select(p => Localize(p, message)).FirstOrDefault(m => m is not null) ?? message;
    }

    /// <summary>An audit row's action in the user's language (as recorded when it is an API call).</summary>
    public string AuditAction(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AuditTexts.All.Select(a => Localize(a, action)).FirstOrDefault(a => a is not null) ?? action;
    }

    /// <summary>A field's label from its API path (<c>persons[1].name</c> → "Persons 2: name").</summary>
    public string Field(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var label = t["Path." + Index().Replace(path, "[]")];
        if (label.ResourceNotFound)
            label = t["Path." + Index().Replace(path, string.Empty)];
        if (label.ResourceNotFound)
            return path;
        var index = Index().Match(path);
        return index.Success ? $"{label.Value} (№ {int.Parse(index.Groups[1].Value, CultureInfo.InvariantCulture) + 1})" : label.Value;
    }

    /// <summary>Refusal ground codes by name.</summary>
    public string Grounds(IEnumerable<string> codes) => string.Join(", ", codes.Select(c => Code("Ground.", c)));

    /// <summary>A message's transport state (queued, sent, delivered, retrying, failed, none).</summary>
    public string Transport(string state) => Code("Transport.", state);

    /// <summary>Who did a step: a user name as it is, <c>system</c> (clocks, joins) in the user's language.</summary>
    public string Actor(string actor) => actor == "system" ? t["Timeline.System"].Value : actor;

    /// <summary>An audit row's outcome: sign-in words in the user's language, HTTP status codes as they are.</summary>
    public string Outcome(string outcome) => Code("Outcome.", outcome);

    /// <summary>A legal source cited by the rules' data (required content, deadline policies, refusal grounds) in the user's language.</summary>
    public string Source(string source) => Code("Source.", source);

    /// <summary>A circuit's state (Closed, Open, HalfOpen, Isolated).</summary>
    public string Circuit(string state) => Code("Circuit.", state);

    /// <summary>A clock's length (<c>P30D CalendarDays + P30D</c>) in words.</summary>
    public string Length(string length)
    {
        ArgumentNullException.ThrowIfNull(length);
        var parts = length.Split(' ');
        if (parts.Length is not (2 or 4) || (parts.Length == 4 && parts[2] != "+"))
            return length;
        var counting = t["Counting." + parts[1]];
        var text = $"{Period(parts[0])} ({(counting.ResourceNotFound ? parts[1] : counting.Value)})";
        return parts.Length == 4 ? $"{text} + {Period(parts[3])}" : text;
    }

    /// <summary>An ISO period (<c>P20D</c>, <c>PT24H</c>) in days or hours.</summary>
    public string Period(string iso)
    {
        if (PeriodPattern.NormalizingIso.Parse(iso ?? string.Empty) is not { Success: true } parsed)
            return iso ?? string.Empty;
        var p = parsed.Value;
        return p.Days > 0 && !p.HasTimeComponent && p.Months == 0 && p.Years == 0 ? t["Unit.Days", p.Days]
            : p.Hours > 0 && !p.HasDateComponent && p.Minutes == 0 ? t["Unit.Hours", p.Hours]
            : iso!;
    }

    string? Localize(TextTemplate template, string text) => template.Match(text) is { } values ? Render(template, values) : null;

    string Render(TextTemplate template, IReadOnlyDictionary<string, string> values)
    {
        var text = t[template.Key];
        return TextTemplate.Fill(text.ResourceNotFound ? template.English : text.Value, name => values.TryGetValue(name, out var value) ? Value(name, value) : name);
    }

    /// <summary>A placeholder's value: codes by name, instants and dates in the user's zone, periods in words; anything else as written.</summary>
    string Value(string name, string value) => name switch
    {
        "kind" => Code("ClockKind.", value),
        "status" => Code("Status.", value),
        "country" or "node" => Code("Country.", value),
        "targets" or "countries" => string.Join(", ", value.Split(", ").Select(c => Code("Country.", c))),
        "grounds" or "unknown" => Grounds(value.Split(", ")),
        "step" => Code("Step.", value),
        "subject" => Code("Subject.", value),
        "steps" => string.Join(", ", value.Split(", ").Select(s => s == "none" ? t["Step.NoneAllowed"].Value : Code("Step.", s))),
        "field" => Field(value),
        "due" => InstantPattern.ExtendedIso.Parse(value) is { Success: true } at ? f.Time(at.Value) : value,
        "was" => InstantPattern.ExtendedIso.Parse(value) is { Success: true } was ? f.Time(was.Value) : value,
        "date" => (LocalDatePattern.Iso.Parse(value) is { Success: true } iso ? iso : LongDate.Parse(value)) is { Success: true } date
            ? LocalDatePattern.Iso.Format(date.Value) : value,
        "extension" => Period(value),
        "left" or "suspended" => DurationPattern.Roundtrip.Parse(value) is { Success: true } span ? UiFormat.Left(span.Value) : value,
        "source" => Source(value),
        _ => value,
    };

    string Code(string prefix, string code)
    {
        var text = t[prefix + code];
        return text.ResourceNotFound ? code : text.Value;
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();
}
