using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// A proposed extension of a JIT agreement in force (UNTOC Art. 19: a team for the period the parties agree): a new end date later
/// than the agreement's current one and than today, within the node's date window, and the reasons the other party reads before it signs.
/// </summary>
public static class JitExtensionRules
{
    /// <summary>Every problem with proposing <paramref name="endsOn"/> for <paramref name="reasons"/>, keyed by field (<c>endsOn</c>, <c>reasons</c>).</summary>
    /// <param name="endsOn">The proposed new last day (null when missing or not a valid date).</param>
    /// <param name="reasons">Why the team needs longer.</param>
    /// <param name="currentEndsOn">The agreement's current last day (null when the agreement has none: a proposal of the previous release).</param>
    /// <param name="today">Today in the acting country (<see cref="NodeTime.Today"/>).</param>
    /// <param name="limits">How large and how far input may be.</param>
    public static Dictionary<string, string[]> Problems(LocalDate? endsOn, string? reasons, LocalDate? currentEndsOn, LocalDate today, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var errors = StepInputRules.Required("reasons", reasons, limits);
        var latest = today.PlusYears(limits.DateWindowYears);
        if (endsOn is null)
            errors["endsOn"] = [ProblemTexts.Required.Format("endsOn")];
        else if (currentEndsOn is { } current && endsOn <= current)
            errors["endsOn"] = [JitExtensionTexts.NotLater.Format(LocalDatePattern.Iso.Format(current))];
        else if (endsOn <= today)
            errors["endsOn"] = [ProblemTexts.FutureDate.Format()];
        else if (endsOn > latest)
            errors["endsOn"] = [ProblemTexts.DateRange.Format(LocalDatePattern.Iso.Format(today.PlusDays(1)), LocalDatePattern.Iso.Format(latest))];
        return errors;
    }
}
