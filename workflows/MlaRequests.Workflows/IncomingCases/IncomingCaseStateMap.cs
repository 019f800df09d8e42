using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>Table of IncomingCase workflow instances.</summary>
public sealed class IncomingCaseStateMap : IEntityTypeConfiguration<IncomingCaseState>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<IncomingCaseState> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("IncomingCaseWorkflows");
        builder.HasKey(x => x.CorrelationId);
        builder.Property(x => x.CorrelationId).ValueGeneratedNever();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Property(x => x.CurrentState).HasMaxLength(64);
        builder.HasIndex(x => x.CurrentState);
        builder.Property(x => x.LegalBasis).HasConversion<string>();
        builder.Property(x => x.Kind).HasConversion<string>();
        builder.HasIndex(x => x.RequestingNode);
    }
}
