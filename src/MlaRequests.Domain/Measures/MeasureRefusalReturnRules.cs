using MlaRequests.Domain.Requests.Validation;

namespace MlaRequests.Domain.Measures;

/// <summary>
/// Sending a proposed refusal of one measure back (the supervisor's other answer to a proposal, as for a refusal of the whole
/// case): a proposal for that measure must be waiting, and the reasons are mandatory, because the proposer must see why.
/// </summary>
public static class MeasureRefusalReturnRules
{
    /// <summary>Every problem with sending back the proposed refusal of <paramref name="measure"/>, keyed by field.</summary>
    /// <param name="measure">The measure's 1-based position.</param>
    /// <param name="count">How many measures the case has.</param>
    /// <param name="current">The measure's row, if any.</param>
    /// <param name="reasons">Why it goes back.</param>
    /// <param name="limits">How large input may be.</param>
    public static Dictionary<string, string[]> Problems(int? measure, int count, MeasureResult? current, string? reasons, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var errors = StepInputRules.Required("reasons", reasons, limits);
        foreach (var (field, problems) in MeasureRules.MeasureProblems(measure, count))
            errors[field] = problems;
        if (!errors.ContainsKey("measure") && current is not { RefusalProposed: true })
            errors["measure"] = [MeasureTexts.NoProposal.Format(measure)];
        return errors;
    }
}
