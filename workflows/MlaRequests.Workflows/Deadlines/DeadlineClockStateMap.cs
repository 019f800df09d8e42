using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>Table of DeadlineClock workflow instances.</summary>
public sealed class DeadlineClockStateMap : IEntityTypeConfiguration<DeadlineClockState>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<DeadlineClockState> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("DeadlineClockWorkflows");
        builder.HasKey(x => x.CorrelationId);
        builder.Property(x => x.CorrelationId).ValueGeneratedNever();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Property(x => x.CurrentState).HasMaxLength(64);
        builder.HasIndex(x => x.CurrentState);
        builder.Property(x => x.LegalBasis).HasConversion<string>();
        builder.Property(x => x.Kind).HasConversion<string>();
        builder.HasIndex(x => x.SubjectId);
        builder.HasIndex(x => x.DueAt);
    }
}
