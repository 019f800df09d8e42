using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MlaRequests.Workflows.OutgoingRequests;

/// <summary>Table of outgoing-request workflow instances.</summary>
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
        builder.HasIndex(x => x.AcknowledgementDueAt);
    }
}
