using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Domain.Requests;

namespace MlaRequests.Node.Persistence;

/// <summary>Table of requests.</summary>
public sealed class MlaRequestMap : IEntityTypeConfiguration<MlaRequest>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<MlaRequest> builder)
    {
        builder.ToTable("Requests");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Reference).HasMaxLength(100);
        builder.Property(x => x.RequestingNode).HasMaxLength(2);
        builder.Property(x => x.TargetNode).HasMaxLength(2);
        builder.HasIndex(x => x.Reference);
        builder.HasIndex(x => x.CreatedAt);
    }
}

/// <summary>Table of notes.</summary>
public sealed class RequestNoteMap : IEntityTypeConfiguration<RequestNote>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<RequestNote> builder)
    {
        builder.ToTable("RequestNotes");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasOne<MlaRequest>().WithMany().HasForeignKey(x => x.RequestId);
        builder.HasIndex(x => new { x.RequestId, x.CreatedAt });
    }
}
