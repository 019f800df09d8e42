using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.IncomingCases;

/// <summary>Table of IncomingCase workflow instances.</summary>
public sealed class IncomingCaseStateMap : IEntityTypeConfiguration<IncomingCaseState>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<IncomingCaseState> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.MapWorkflowInstance("IncomingCaseWorkflows");
        builder.Property(x => x.LegalBasis).HasConversion<string>();
        builder.Property(x => x.Kind).HasConversion<string>();
        builder.HasIndex(x => x.RequestingNode);
    }
}
