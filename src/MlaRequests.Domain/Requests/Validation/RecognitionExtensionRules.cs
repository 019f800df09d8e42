using MlaRequests.Domain.Deadlines;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// An extension of an incoming request's recognition period: mandatory reasons, once only, and a
/// whole number of days up to the instrument's maximum (<see cref="DeadlineRule.MaxExtension"/>).
/// </summary>
public static class RecognitionExtensionRules
{
    /// <summary>The period <paramref name="extension"/> stands for (ISO-8601, normalised), or null when it is not one.</summary>
    public static Period? Parse(string? extension) =>
        extension is not null && PeriodPattern.NormalizingIso.Parse(extension) is { Success: true } parsed ? parsed.Value : null;

    /// <summary>Every problem with extending by <paramref name="extension"/> for <paramref name="reasons"/>, keyed by field.</summary>
    /// <param name="extension">The extension asked for, ISO-8601.</param>
    /// <param name="reasons">Why.</param>
    /// <param name="rule">The recognition clock's rule for the case's legal basis and urgency.</param>
    /// <param name="alreadyExtended">True when the period was extended before.</param>
    /// <param name="limits">How large input may be.</param>
    public static Dictionary<string, string[]> Problems(string? extension, string? reasons, DeadlineRule rule, bool alreadyExtended, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var errors = StepInputRules.Required("reasons", reasons, limits);
        if (Parse(extension) is not { } period)
        {
            errors["extension"] = [ProblemTexts.PeriodRequired.Format()];
            return errors;
        }
        if (alreadyExtended)
            errors["extension"] = [ProblemTexts.ExtendedOnce.Format()];
        // Only days count against the cap: P1Y10D has ten days and a year the cap would otherwise not see.
        else if (rule.MaxExtension is not { } max || period.HasTimeComponent || period.Years != 0 || period.Months != 0 || period.Weeks != 0
                 || period.Days <= 0 || period.Days > max.Days)
            errors["extension"] = [ProblemTexts.ExtensionRange.Format(rule.MaxExtension?.Days ?? 0, rule.Source)];
        return errors;
    }
}
