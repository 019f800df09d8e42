namespace MlaRequests.Domain.Requests.Validation;

/// <summary>The rule every step's free text follows: present, and no longer than the node allows.</summary>
public static class StepInputRules
{
    /// <summary>The problem with <paramref name="value"/> as the step's <paramref name="field"/>, keyed by the field (empty when none).</summary>
    public static Dictionary<string, string[]> Required(string field, string? value, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return string.IsNullOrWhiteSpace(value) ? new() { [field] = [ProblemTexts.Required.Format(field)] }
            : value.Length > limits.TextLength ? new() { [field] = [ProblemTexts.TooLong.Format(limits.TextLength)] }
            : [];
    }
}
