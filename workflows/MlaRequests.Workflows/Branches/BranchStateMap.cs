using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MlaRequests.Workflows.Branches;

/// <summary>Table of Branch workflow instances.</summary>
public sealed class BranchStateMap : IEntityTypeConfiguration<BranchState>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<BranchState> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("BranchWorkflows");
        builder.HasKey(x => x.CorrelationId);
        builder.Property(x => x.CorrelationId).ValueGeneratedNever();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Property(x => x.CurrentState).HasMaxLength(64);
        builder.HasIndex(x => x.CurrentState);
        builder.Property(x => x.LegalBasis).HasConversion<string>();
        builder.Property(x => x.Kind).HasConversion<string>();
        builder.HasIndex(x => x.RequestId);
        builder.HasIndex(x => x.TargetNode);
    }
}
