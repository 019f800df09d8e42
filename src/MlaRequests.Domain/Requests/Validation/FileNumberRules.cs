using MlaRequests.Domain.Timeline;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// The requested office's own file number (its registration number for the received request), asked for at registration:
/// required, one line of at most <see cref="MaxLength"/> characters, without control characters. It is free text because
/// each office numbers its files its own way (e.g. <c>2-1234/26</c>, <c>МП-17/2026</c>).
/// </summary>
public static class FileNumberRules
{
    /// <summary>The longest file number accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>The field's name in the API.</summary>
    public const string Field = "fileNumber";

    /// <summary>The problems of <paramref name="value"/> keyed by <see cref="Field"/> (empty: none).</summary>
    public static Dictionary<string, string[]> Problems(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return new() { [Field] = [ProblemTexts.Required.Format(Field)] };
        var trimmed = value.Trim();
        if (trimmed.Length > MaxLength)
            return new() { [Field] = [ProblemTexts.TooLong.Format(MaxLength)] };
        return trimmed.Any(char.IsControl) ? new() { [Field] = [FileNumberTexts.OneLine.Format()] } : [];
    }

    /// <summary>
    /// The problems of a registration's <paramref name="value"/>: the web form always sends the field, so there an empty number is refused
    /// (<see cref="Problems"/>); an API call that leaves the property out (<paramref name="value"/> null: a client or a test written for
    /// release 3, which had no body) registers without a number, and the case shows none, like a case registered before release 4.
    /// </summary>
    public static Dictionary<string, string[]> RegistrationProblems(string? value) => value is null ? [] : Problems(value);

    /// <summary>The number as kept: <paramref name="value"/> trimmed, null when none was given (call after <see cref="RegistrationProblems"/> found none).</summary>
    public static string? Normalize(string? value) => value?.Trim();
}

/// <summary>The texts of <see cref="FileNumberRules"/>.</summary>
public static class FileNumberTexts
{
    /// <summary><c>One line without control characters.</c></summary>
    public static readonly TextTemplate OneLine = new("Problem.FileNumberOneLine", "One line without control characters.");

    /// <summary>Every template.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } = [OneLine];
}
