using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.Deadlines;

/// <summary>Table of DeadlineClock workflow instances.</summary>
public sealed class DeadlineClockStateMap : IEntityTypeConfiguration<DeadlineClockState>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<DeadlineClockState> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.MapWorkflowInstance("DeadlineClockWorkflows");
        builder.Property(x => x.LegalBasis).HasConversion<string>();
        builder.Property(x => x.Kind).HasConversion<string>();
        builder.HasIndex(x => x.SubjectId);
        builder.HasIndex(x => x.DueAt);
        // The dashboard's averages per country read met clocks from this index alone, never the rows.
        builder.HasIndex(x => new { x.CurrentState, x.Kind, x.ActingCountry, x.StartedAt, x.EndedAt });
    }
}
