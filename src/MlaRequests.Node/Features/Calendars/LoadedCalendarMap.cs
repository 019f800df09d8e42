using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MlaRequests.Node.Features.Calendars;

/// <summary>Table of loaded calendar years: one row per country and year (a newer load replaces the row; the audit log keeps the history).</summary>
public sealed class LoadedCalendarMap : IEntityTypeConfiguration<LoadedCalendarRow>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<LoadedCalendarRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LoadedCalendarYears");
        builder.HasKey(x => new { x.Country, x.Year });
        builder.Property(x => x.Country).HasMaxLength(2);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Property(x => x.LoadedBy).HasMaxLength(200);
        builder.Property(x => x.Note).HasMaxLength(1000);
    }
}
