using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Workflows.Shared;

namespace MlaRequests.Workflows.Requests;

/// <summary>Table of OutgoingRequest workflow instances.</summary>
public sealed class OutgoingRequestStateMap : IEntityTypeConfiguration<OutgoingRequestState>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<OutgoingRequestState> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.MapWorkflowInstance("OutgoingRequestWorkflows");
        builder.Property(x => x.LegalBasis).HasConversion<string>();
        builder.HasIndex(x => x.OfficeCode);
    }
}
