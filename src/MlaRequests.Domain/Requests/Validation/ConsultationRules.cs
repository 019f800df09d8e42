using MlaRequests.Domain.Cases;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// The rules of a consultation before refusal or postponement (UNTOC Art. 18(26)) and of an acceptance under conditions: a purpose
/// from <see cref="ConsultationCodes.Purposes"/>; reasons always (Art. 18(23)); an intended refusal on the coded refusal grounds
/// (<see cref="RefusalRules"/>: never fiscal matters alone), an intended postponement on the grounds of Art. 18(25), proposed conditions
/// with at least one condition, each of a known kind with its wording; grounds or conditions only where the purpose takes them.
/// </summary>
public static class ConsultationRules
{
    /// <summary>The problems with opening a consultation, keyed by field (empty when none).</summary>
    public static Dictionary<string, string[]> OpenProblems(string? purpose, IReadOnlyList<string>? grounds, IReadOnlyList<(string? Kind, string? Text)>? conditions,
        string? reasons, IReadOnlyList<string> knownRefusalGrounds, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Dictionary<string, string[]> errors;
        switch (purpose)
        {
            case ConsultationCodes.IntendedRefusal:
                errors = RefusalRules.Problems(grounds, reasons, knownRefusalGrounds, limits);
                break;
            case ConsultationCodes.IntendedPostponement:
                errors = RefusalRules.Problems(grounds, reasons, ConsultationCodes.PostponementGrounds, limits);
                break;
            case ConsultationCodes.Conditions:
                errors = StepInputRules.Required("reasons", reasons, limits);
                if (grounds is { Count: > 0 })
                    errors["grounds"] = [ProblemTexts.NotForPurpose.Format("IntendedRefusal, IntendedPostponement", "grounds")];
                break;
            default:
                errors = StepInputRules.Required("reasons", reasons, limits);
                errors["purpose"] = [purpose is null ? ProblemTexts.Required.Format("purpose")
                    : ProblemTexts.UnknownCodes.Format(purpose, string.Join(", ", ConsultationCodes.Purposes))];
                return errors;
        }
        if (purpose == ConsultationCodes.Conditions)
        {
            foreach (var (field, problems) in ConditionProblems(conditions, limits))
                errors[field] = problems;
        }
        else if (conditions is { Count: > 0 })
            errors["conditions"] = [ProblemTexts.NotForPurpose.Format(ConsultationCodes.Conditions, "conditions")];
        return errors;
    }

    /// <summary>The problems with a list of conditions (a consultation's or an acceptance's), keyed by field (empty when none).</summary>
    public static Dictionary<string, string[]> ConditionProblems(IReadOnlyList<(string? Kind, string? Text)>? conditions, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (conditions is not { Count: > 0 })
            return new() { ["conditions"] = [ProblemTexts.ConditionsRequired.Format()] };
        if (conditions.Count > limits.ListItems)
            return new() { ["conditions"] = [ProblemTexts.TooMany.Format(limits.ListItems)] };
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < conditions.Count; i++)
        {
            var (kind, text) = conditions[i];
            if (kind is null || !ConsultationCodes.ConditionKinds.Contains(kind))
                errors[$"conditions[{i}].kind"] = [kind is null ? ProblemTexts.Required.Format("kind")
                    : ProblemTexts.UnknownCodes.Format(kind.Length > limits.NameLength ? kind[..limits.NameLength] : kind, string.Join(", ", ConsultationCodes.ConditionKinds))];
            foreach (var (_, problems) in StepInputRules.Required("text", text, limits))
                errors[$"conditions[{i}].text"] = problems;
        }
        return errors;
    }
}
