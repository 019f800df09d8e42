using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace MlaRequests.Engine.Persistence;

/// <summary>
/// Maps NodaTime types to SQLite columns that sort and compare correctly:
/// <see cref="Instant"/> as Unix ticks (INTEGER), <see cref="LocalDate"/> as ISO <c>yyyy-MM-dd</c> (TEXT),
/// <see cref="Duration"/> as ticks (INTEGER).
/// </summary>
public static class NodaTimeConventions
{
    /// <summary>Registers the NodaTime value converters for every property of those types in the model.</summary>
    public static ModelConfigurationBuilder UseNodaTime(this ModelConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Properties<Instant>().HaveConversion<InstantConverter>();
        builder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        builder.Properties<Duration>().HaveConversion<DurationConverter>();
        return builder;
    }

    sealed class InstantConverter() : ValueConverter<Instant, long>(
        v => v.ToUnixTimeTicks(), v => Instant.FromUnixTimeTicks(v));

    sealed class LocalDateConverter() : ValueConverter<LocalDate, string>(
        v => LocalDatePattern.Iso.Format(v), v => LocalDatePattern.Iso.Parse(v).Value);

    sealed class DurationConverter() : ValueConverter<Duration, long>(
        v => v.BclCompatibleTicks, v => Duration.FromTicks(v));
}
