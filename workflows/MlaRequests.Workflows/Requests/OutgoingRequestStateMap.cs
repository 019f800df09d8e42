using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MlaRequests.Workflows.Requests;

/// <summary>Table of OutgoingRequest workflow instances.</summary>
public sealed class OutgoingRequestStateMap : IEntityTypeConfiguration<OutgoingRequestState>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<OutgoingRequestState> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("OutgoingRequestWorkflows");
        builder.HasKey(x => x.CorrelationId);
        builder.Property(x => x.CorrelationId).ValueGeneratedNever();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Property(x => x.CurrentState).HasMaxLength(64);
        builder.HasIndex(x => x.CurrentState);
        builder.Property(x => x.LegalBasis).HasConversion<string>();
        builder.HasIndex(x => x.OfficeCode);
    }
}
