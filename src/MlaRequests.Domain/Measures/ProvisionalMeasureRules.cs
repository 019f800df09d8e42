using MlaRequests.Domain.Requests.Validation;
using NodaTime;

namespace MlaRequests.Domain.Measures;

/// <summary>
/// Recording a provisional measure's decision (issue 15): a freezing or preservation of evidence requested with the
/// request is ordered or refused by the requested state's competent authority, as soon as possible and before the
/// request itself is recognised. The 24-hour management target (borrowed from EIO Art. 32(2); no treaty day count
/// applies) measures exactly that decision, one clock per provisional measure. The decision names the measure, the
/// outcome, when and by which authority it was taken; a refusal gives reasons (UNTOC Art. 18(23)) and may give coded
/// grounds. A measure is decided once.
/// </summary>
public static class ProvisionalMeasureRules
{
    /// <summary>The measure was ordered (frozen, preserved).</summary>
    public const string Ordered = "Ordered";

    /// <summary>The competent authority refused it.</summary>
    public const string Refused = "Refused";

    /// <summary>Every outcome, as the API and the cross-border message spell it.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = [Ordered, Refused];

    /// <summary>The outcome named <paramref name="outcome"/> (case-insensitive), spelled as in <see cref="Outcomes"/>, or null.</summary>
    public static string? Parse(string? outcome) => Outcomes.FirstOrDefault(o => o.Equals(outcome, StringComparison.OrdinalIgnoreCase));

    /// <summary>The 1-based positions of the provisional measures among <paramref name="measures"/> (freezing, preservation), each with its own clock.</summary>
    public static IReadOnlyList<int> Positions(IEnumerable<Requests.MeasureRequested> measures) =>
        measures.Select((m, i) => (m.IsProvisional, Position: i + 1)).Where(m => m.IsProvisional).Select(m => m.Position).ToList();

    /// <summary>Every problem with recording a provisional measure's decision, keyed by field.</summary>
    /// <param name="measure">The measure's 1-based position.</param>
    /// <param name="provisional">For each measure of the case in order, whether it is provisional.</param>
    /// <param name="outcome">Ordered or Refused.</param>
    /// <param name="decidedAt">When the authority ordered or refused it.</param>
    /// <param name="authority">Which authority.</param>
    /// <param name="grounds">Coded refusal grounds (optional; only with a refusal).</param>
    /// <param name="reasons">Reasons (required for a refusal).</param>
    /// <param name="current">The measure's row, if any.</param>
    /// <param name="receivedAt">When the request arrived (a decision cannot precede it).</param>
    /// <param name="now">Now (a decision cannot be in the future).</param>
    /// <param name="knownGrounds">The refusal ground codes.</param>
    /// <param name="limits">How large input may be.</param>
    public static Dictionary<string, string[]> Problems(int? measure, IReadOnlyList<bool> provisional, string? outcome, Instant? decidedAt, string? authority,
        IReadOnlyList<string>? grounds, string? reasons, MeasureResult? current, Instant receivedAt, Instant now, IReadOnlyList<string> knownGrounds, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(provisional);
        ArgumentNullException.ThrowIfNull(knownGrounds);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = MeasureRules.MeasureProblems(measure, provisional.Count);
        if (!errors.ContainsKey("measure") && !provisional[measure!.Value - 1])
            errors["measure"] = [MeasureTexts.NotProvisional.Format(measure)];
        else if (!errors.ContainsKey("measure") && current is { ProvisionalOutcome: { } decided })
            errors["measure"] = [MeasureTexts.AlreadyDecided.Format(measure, decided)];
        var parsed = Parse(outcome);
        if (parsed is null)
            errors["outcome"] = [ProblemTexts.Undefined.Format(outcome ?? "null", string.Join(", ", Outcomes))];
        if (decidedAt is not { } at)
            errors["decidedAt"] = [ProblemTexts.Required.Format("decidedAt")];
        else if (at > now || at < receivedAt)
            errors["decidedAt"] = [MeasureTexts.DecidedAtRange.Format()];
        foreach (var (field, problems) in StepInputRules.Required("authority", authority, limits))
            errors[field] = problems;
        if (authority is { Length: var length } && length > limits.NameLength)
            errors["authority"] = [ProblemTexts.TooLong.Format(limits.NameLength)];
        if (parsed == Refused)
        {
            foreach (var (field, problems) in StepInputRules.Required("reasons", reasons, limits))
                errors[field] = problems;
            if (grounds is { Count: > 0 })
            {
                // The refusal rules check the codes (known, never fiscal alone); grounds stay optional here.
                foreach (var (field, problems) in RefusalRules.Problems(grounds, "reasons given", knownGrounds, limits))
                    errors[field] = problems;
            }
        }
        else
        {
            if (reasons is { Length: var reasonsLength } && reasonsLength > limits.TextLength)
                errors["reasons"] = [ProblemTexts.TooLong.Format(limits.TextLength)];
            if (grounds is { Count: > 0 })
                errors["grounds"] = [MeasureTexts.GroundsOnlyWithRefusal.Format()];
        }
        return errors;
    }
}
