using System.ComponentModel.DataAnnotations;

namespace MlaRequests.Node.Hosting;

/// <summary>Demo settings (section <c>Demo</c>): never for a production node.</summary>
public sealed class DemoOptions : IValidatableObject
{
    /// <summary>Create the demo accounts at start (default: in Development).</summary>
    public bool? SeedAccounts { get; set; }

    /// <summary>Time runs this many times faster from start-up (1: real time).</summary>
    public double ClockSpeed { get; set; } = 1.0;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!(ClockSpeed > 0) || double.IsInfinity(ClockSpeed))
            yield return new ValidationResult($"Demo:ClockSpeed must be a positive number (was {ClockSpeed}).", [nameof(ClockSpeed)]);
    }
}
