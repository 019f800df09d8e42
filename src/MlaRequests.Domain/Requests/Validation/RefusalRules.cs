namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// A refusal of an incoming request: mandatory reasons and at least one coded ground
/// (UNTOC Art. 18(21)); fiscal matters alone are never a ground (UNTOC Art. 18(22)), so the
/// <see cref="FiscalGround"/> code is refused even though a caller may know it from elsewhere.
/// </summary>
public static class RefusalRules
{
    /// <summary>The code of the fiscal-matters ground, which may never be given.</summary>
    public const string FiscalGround = "FISCAL";

    /// <summary>Every problem with a refusal on <paramref name="grounds"/> for <paramref name="reasons"/>, keyed by field.</summary>
    /// <param name="grounds">The ground codes given.</param>
    /// <param name="reasons">The reasons given.</param>
    /// <param name="knownGrounds">The ground codes the node knows, in the order the answer lists them.</param>
    /// <param name="limits">How large input may be.</param>
    public static Dictionary<string, string[]> Problems(IReadOnlyList<string>? grounds, string? reasons, IReadOnlyList<string> knownGrounds, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(knownGrounds);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = StepInputRules.Required("reasons", reasons, limits);
        var known = knownGrounds.ToHashSet(StringComparer.Ordinal);
        if (grounds is not { Count: > 0 })
            errors["grounds"] = [ProblemTexts.GroundsRequired.Format()];
        else if (grounds.Count > limits.ListItems)
            errors["grounds"] = [ProblemTexts.TooMany.Format(limits.ListItems)];
        else if (grounds.ToList().FindIndex(g => g is null) is >= 0 and var empty)
            errors[$"grounds[{empty}]"] = [ProblemTexts.NullEntry.Format()];
        else if (grounds.Any(g => g.Length > limits.NameLength))
            errors["grounds"] = [ProblemTexts.TooLong.Format(limits.NameLength)];
        else if (grounds.Any(g => g.Equals(FiscalGround, StringComparison.OrdinalIgnoreCase)))
            errors["grounds"] = [ProblemTexts.FiscalGround.Format()];
        else if (grounds.Where(g => !known.Contains(g)).ToList() is { Count: > 0 } unknown)
            errors["grounds"] = [ProblemTexts.UnknownGrounds.Format(string.Join(", ", unknown), string.Join(", ", knownGrounds))];
        return errors;
    }
}
