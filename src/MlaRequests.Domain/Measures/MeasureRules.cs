using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Domain.Measures;

/// <summary>
/// The rules of per-measure results. The executing authority records each measure's status with a summary; a measure it
/// cannot carry out (person not found, object gone) is <see cref="MeasureStatus.Impossible"/> with reasons; a measure it
/// refuses (a ground applies to it alone, UNTOC Art. 18(21), reasons per Art. 18(23)) is proposed on coded grounds and
/// leaves the node only once a supervisor other than the proposer signs it off.
/// </summary>
public static class MeasureRules
{
    /// <summary>The statuses a measure can be given by recording it (a refusal goes through proposal and sign-off).</summary>
    public static IReadOnlyList<MeasureStatus> Recordable { get; } =
        [MeasureStatus.InExecution, MeasureStatus.Executed, MeasureStatus.PartiallyExecuted, MeasureStatus.Impossible];

    /// <summary>True for a status that ends the measure's execution.</summary>
    public static bool IsFinal(MeasureStatus status) =>
        status is MeasureStatus.Executed or MeasureStatus.PartiallyExecuted or MeasureStatus.Refused or MeasureStatus.Impossible;

    /// <summary>True for a status that means something was obtained (the case is then at least partially executed).</summary>
    public static bool Yielded(MeasureStatus status) => status is MeasureStatus.Executed or MeasureStatus.PartiallyExecuted;

    /// <summary>The problem with <paramref name="measure"/> as a measure of a case with <paramref name="count"/> measures, under <c>measure</c>.</summary>
    public static Dictionary<string, string[]> MeasureProblems(int? measure, int count) =>
        measure is null ? new() { ["measure"] = [ProblemTexts.Required.Format("measure")] }
        : count == 0 ? new() { ["measure"] = [MeasureTexts.NoMeasures.Format()] }
        : measure < 1 || measure > count ? new() { ["measure"] = [ProblemTexts.NumberRange.Format(1, count)] }
        : [];

    /// <summary>Every problem with recording <paramref name="status"/> for <paramref name="measure"/>, keyed by field.</summary>
    /// <param name="measure">The measure's 1-based position.</param>
    /// <param name="count">How many measures the case has.</param>
    /// <param name="status">The status given (a name of <see cref="MeasureStatus"/>).</param>
    /// <param name="summary">What was done (required unless the measure is only started).</param>
    /// <param name="reasons">Why it is impossible (required for <see cref="MeasureStatus.Impossible"/>).</param>
    /// <param name="current">The measure's current row, if any.</param>
    /// <param name="limits">How large input may be.</param>
    public static Dictionary<string, string[]> RecordProblems(int? measure, int count, string? status, string? summary, string? reasons,
        MeasureResult? current, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var errors = MeasureProblems(measure, count);
        if (Parse(status) is not { } parsed)
        {
            errors["status"] = [ProblemTexts.Undefined.Format(status ?? "null", string.Join(", ", Recordable))];
            return errors;
        }
        if (current is { } row && IsFinal(row.Status))
            errors["status"] = [MeasureTexts.AlreadyFinal.Format(row.Measure, row.Status)];
        if (parsed != MeasureStatus.InExecution)
            Merge(errors, StepInputRules.Required("summary", summary, limits));
        else if (summary is { Length: var length } && length > limits.TextLength)
            errors["summary"] = [ProblemTexts.TooLong.Format(limits.TextLength)];
        if (parsed == MeasureStatus.Impossible)
            Merge(errors, StepInputRules.Required("reasons", reasons, limits));
        return errors;
    }

    /// <summary>Every problem with proposing to refuse <paramref name="measure"/>, keyed by field.</summary>
    public static Dictionary<string, string[]> ProposalProblems(int? measure, int count, IReadOnlyList<string>? grounds, string? reasons,
        MeasureResult? current, IReadOnlyList<string> knownGrounds, InputLimits limits)
    {
        var errors = MeasureProblems(measure, count);
        if (current is { } row && IsFinal(row.Status))
            errors["measure"] = [MeasureTexts.AlreadyFinal.Format(row.Measure, row.Status)];
        Merge(errors, RefusalRules.Problems(grounds, reasons, knownGrounds, limits));
        return errors;
    }

    /// <summary>Every problem with <paramref name="actor"/> signing off the proposed refusal of <paramref name="measure"/>, keyed by field.</summary>
    public static Dictionary<string, string[]> SignOffProblems(int? measure, int count, MeasureResult? current, string actor)
    {
        var errors = MeasureProblems(measure, count);
        if (errors.Count > 0)
            return errors;
        if (current is not { RefusalProposed: true })
            errors["measure"] = [MeasureTexts.NoProposal.Format(measure)];
        else if (IsFinal(current.Status))
            errors["measure"] = [MeasureTexts.AlreadyFinal.Format(current.Measure, current.Status)];
        else if (string.Equals(current.ProposedBy, actor, StringComparison.OrdinalIgnoreCase))
            errors["measure"] = [MeasureTexts.OwnProposal.Format()];
        return errors;
    }

    /// <summary>
    /// The problem with marking the whole case executed (<paramref name="complete"/>) while some measures are not final. A case
    /// with no per-measure result at all (recorded by an earlier release, or by an office that records the case as a whole) is
    /// not held back.
    /// </summary>
    public static Dictionary<string, string[]> CompletionProblems(bool complete, int count, IReadOnlyList<MeasureResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (!complete || !results.Any(r => r.RecordedAt is not null || r.RefusalProposed))
            return [];
        var open = Enumerable.Range(1, count).Where(m => results.SingleOrDefault(r => r.Measure == m) is not { } r || !IsFinal(r.Status)).ToList();
        return open.Count == 0 ? [] : new() { ["complete"] = [MeasureTexts.MeasuresOpen.Format(string.Join(", ", open))] };
    }

    /// <summary>The recordable status named <paramref name="status"/> (case-insensitive), or null.</summary>
    public static MeasureStatus? Parse(string? status) =>
        Enum.TryParse<MeasureStatus>(status, ignoreCase: true, out var parsed) && Recordable.Contains(parsed) && !int.TryParse(status, out _) ? parsed : null;

    static void Merge(Dictionary<string, string[]> into, Dictionary<string, string[]> from)
    {
        foreach (var (key, value) in from)
            into[key] = value;
    }
}
