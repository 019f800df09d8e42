using System.ComponentModel.DataAnnotations;

namespace MlaRequests.Domain.Requests.Validation;

/// <summary>
/// How large and how far any input may be (section <c>Limits</c>): the API and the border apply the
/// same numbers, so a peer can never store what this node's own users could not, and nothing a
/// caller sends can grow a row, a letter or a message without bound.
/// </summary>
public sealed class InputLimits : IValidatableObject
{
    /// <summary>Longest free text (facts, law text, reasons, summaries), in characters.</summary>
    public int TextLength { get; set; } = 20_000;

    /// <summary>Longest short value (a name, reference, authority, code or user name), in characters.</summary>
    public int NameLength { get; set; } = 500;

    /// <summary>Most items in one list (persons, measures, translations, refusal grounds).</summary>
    public int ListItems { get; set; } = 100;

    /// <summary>Largest request body (and transmitted request content), in bytes.</summary>
    public long BodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>The earliest year of birth a person may have.</summary>
    public int EarliestBirthYear { get; set; } = 1900;

    /// <summary>How many years before or after today any other date (desired, postponement, milestone, team period) may lie.</summary>
    public int DateWindowYears { get; set; } = 10;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TextLength < 1)
            yield return new ValidationResult($"Limits:TextLength must be positive (was {TextLength}).", [nameof(TextLength)]);
        if (NameLength < 1 || NameLength > TextLength)
            yield return new ValidationResult($"Limits:NameLength must be between 1 and Limits:TextLength (was {NameLength}).", [nameof(NameLength)]);
        if (ListItems < 1)
            yield return new ValidationResult($"Limits:ListItems must be positive (was {ListItems}).", [nameof(ListItems)]);
        if (BodyBytes < 1024)
            yield return new ValidationResult($"Limits:BodyBytes must be at least 1024 (was {BodyBytes}).", [nameof(BodyBytes)]);
        if (EarliestBirthYear is < 1800 or > 2100)
            yield return new ValidationResult($"Limits:EarliestBirthYear must be a year between 1800 and 2100 (was {EarliestBirthYear}).", [nameof(EarliestBirthYear)]);
        if (DateWindowYears is < 1 or > 100)
            yield return new ValidationResult($"Limits:DateWindowYears must be between 1 and 100 (was {DateWindowYears}).", [nameof(DateWindowYears)]);
    }
}
