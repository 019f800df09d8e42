using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.Branches;

/// <summary>Table of Branch workflow instances.</summary>
public sealed class BranchStateMap : IEntityTypeConfiguration<BranchState>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<BranchState> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.MapWorkflowInstance("BranchWorkflows");
        builder.Property(x => x.LegalBasis).HasConversion<string>();
        builder.Property(x => x.Kind).HasConversion<string>();
        builder.HasIndex(x => x.RequestId);
        builder.HasIndex(x => new { x.TargetNode, x.CurrentState });
    }
}
