using System.ComponentModel.DataAnnotations;

namespace MlaRequests.Node.Delivery;

/// <summary>Quarantine settings (section <c>Quarantine</c>): how much of a bad message is kept and shown, and for how long.</summary>
public sealed class QuarantineOptions : IValidatableObject
{
    /// <summary>Bytes of a quarantined body kept (a 2 MB junk message is not kept whole).</summary>
    public int StoredBodyLimit { get; set; } = 64 * 1024;

    /// <summary>Characters of a body shown to an administrator (after personal data is redacted).</summary>
    public int ShownBodyLimit { get; set; } = 2000;

    /// <summary>Largest page of <c>GET /api/quarantine</c>.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>After this, quarantined messages are dropped and only counted per day, sender and reason.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often old entries are summarised.</summary>
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The same failure is logged at most once per interval (with how many were not logged).</summary>
    public TimeSpan LogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(StoredBodyLimit), StoredBodyLimit), (nameof(ShownBodyLimit), ShownBodyLimit), (nameof(MaxPageSize), MaxPageSize) })
        {
            if (value < 1)
                yield return new ValidationResult($"Quarantine:{name} must be at least 1 (was {value}).", [name]);
        }
        foreach (var (name, value) in new[] { (nameof(Retention), Retention), (nameof(SummaryInterval), SummaryInterval), (nameof(LogInterval), LogInterval) })
        {
            if (value <= TimeSpan.Zero)
                yield return new ValidationResult($"Quarantine:{name} must be positive (was {value}).", [name]);
        }
    }
}
