using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>A postponement of an incoming request's execution: a reason, and a date after today within the node's date window.</summary>
public static class PostponementRules
{
    /// <summary>Every problem with postponing until <paramref name="until"/> for <paramref name="reason"/> on <paramref name="today"/>, keyed by field.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="until">Until when.</param>
    /// <param name="today">Today in the acting country (<see cref="NodeTime.Today"/>).</param>
    /// <param name="limits">How large and how far input may be.</param>
    public static Dictionary<string, string[]> Problems(string? reason, LocalDate? until, LocalDate today, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var errors = StepInputRules.Required("reason", reason, limits);
        if (until is null || until <= today)
            errors["until"] = [ProblemTexts.FutureDate.Format()];
        else if (until > today.PlusYears(limits.DateWindowYears))
            errors["until"] = [ProblemTexts.DateRange.Format(LocalDatePattern.Iso.Format(today.PlusDays(1)), LocalDatePattern.Iso.Format(today.PlusYears(limits.DateWindowYears)))];
        return errors;
    }

    /// <summary>
    /// The problem with the coded <paramref name="grounds"/> of a postponement, under <c>grounds</c>: each must be one of
    /// <paramref name="known"/>. None at all is valid: a client of the previous release sends none, and the
    /// postponement's one legal ground (UNTOC Art. 18(25)) is still explained by the mandatory reason.
    /// </summary>
    public static Dictionary<string, string[]> GroundProblems(IReadOnlyList<string>? grounds, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var unknown = (grounds ?? []).Where(g => !known.Contains(g)).ToList();
        if (unknown.Count > 0)
            return new() { ["grounds"] = [ProblemTexts.UnknownGrounds.Format(string.Join(", ", unknown), string.Join(", ", known))] };
        return [];
    }
}
