using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Node.Delivery;

namespace MlaRequests.Node.Persistence;

/// <summary>Tables of cross-border delivery: messages with their transport state, applied envelopes, quarantine and its summaries.</summary>
public sealed class DeliveryMaps : IEntityTypeConfiguration<CrossBorderMessage>, IEntityTypeConfiguration<ReceivedEnvelope>,
    IEntityTypeConfiguration<QuarantinedMessage>, IEntityTypeConfiguration<QuarantineSummary>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<CrossBorderMessage> builder)
    {
        builder.ToTable("CrossBorderMessages");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.HasIndex(x => x.MessageId).IsUnique();
        builder.HasIndex(x => new { x.State, x.NextAttemptAt });
        builder.HasIndex(x => new { x.ToNode, x.State });
        builder.HasIndex(x => x.CorrelationId);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ReceivedEnvelope> builder)
    {
        builder.ToTable("ReceivedEnvelopes");
        builder.HasKey(x => x.MessageId);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<QuarantinedMessage> builder)
    {
        builder.ToTable("QuarantinedMessages");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.HasIndex(x => x.ReceivedAt);
        builder.HasIndex(x => x.MessageId);
        builder.Property(x => x.BodySha256).HasMaxLength(64);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<QuarantineSummary> builder)
    {
        builder.ToTable("QuarantineSummaries");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.HasIndex(x => new { x.Day, x.FromNode, x.Reason }).IsUnique();
    }
}
