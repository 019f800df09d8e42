using NodaTime;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// The legal-basis rules of submission (issue 15): each requested country's instrument must apply between the requesting
/// and that state on the request's date (<see cref="InstrumentTable"/>), and the required content is evaluated per
/// country with that country's basis (<see cref="RequiredContentRules.Evaluate"/>). An instrument that does not apply is
/// refused with the field that chose it (<c>legalBasis</c> or <c>targetBases[i].legalBasis</c>); unverified entries and
/// "where possible" details are warnings. Spontaneous information (UNTOC Art. 18(4): sent without a request) is never
/// refused for its basis: a basis that does not apply is a warning there.
/// </summary>
public static class LegalBasisRules
{
    /// <summary>What blocks submission of <paramref name="content"/> made by <paramref name="requesting"/> on <paramref name="on"/>, and what only warns.</summary>
    public static ContentEvaluation Review(RequestContent content, RequiredContentRules rules, InstrumentTable instruments, string requesting, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(instruments);
        var evaluation = rules.Evaluate(content, requesting);
        var missing = evaluation.Missing;
        var warnings = evaluation.Warnings.ToList();
        // Spontaneous information is sent without a request (UNTOC Art. 18(4)); the CIS conventions have no provision for it, so
        // the basis it names does not govern the transmission: a basis that does not apply between the two states is a warning.
        var blocks = content.Kind != RequestKind.SpontaneousInformation;
        foreach (var (field, applicability) in Applicability(content, instruments, requesting, on))
        {
            if (applicability.Problem is { } problem && blocks)
                missing[field] = missing.TryGetValue(field, out var others) ? [.. others, problem] : [problem];
            else if (applicability.Problem is { } warning && !warnings.Contains(new ContentWarning(field, warning)))
                warnings.Add(new ContentWarning(field, warning));
            warnings.AddRange(applicability.Warnings.Select(w => new ContentWarning(field, w)).Where(w => !warnings.Contains(w)));
        }
        return new ContentEvaluation(missing, warnings);
    }

    /// <summary>Each requested country's chosen instrument, keyed by the field that chose it, with what the table says about it.</summary>
    public static IEnumerable<(string Field, Applicability Applicability)> Applicability(RequestContent content, InstrumentTable instruments, string requesting,
        LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(instruments);
        foreach (var target in content.Targets.Where(NodeCode.IsKnown).Distinct())
        {
            var own = content.TargetBasisOf(target);
            var basis = own is { } entry ? entry.Entry.LegalBasis : content.LegalBasis;
            if (basis is not { } chosen || !Enum.IsDefined(chosen))
                continue;
            var field = own is { } e ? $"targetBases[{e.Index}].legalBasis" : "legalBasis";
            var treaty = own is { } t ? t.Entry.TreatyName : content.TreatyName;
            yield return (field, instruments.Check(chosen, requesting, target, on, treaty));
        }
    }
}
