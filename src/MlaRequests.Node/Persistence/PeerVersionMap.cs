using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Node.Delivery;

namespace MlaRequests.Node.Persistence;

/// <summary>The contract version each peer was last seen speaking, one row per peer.</summary>
public sealed class PeerVersionMap : IEntityTypeConfiguration<PeerVersion>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<PeerVersion> builder)
    {
        builder.ToTable("PeerVersions");
        builder.HasKey(x => x.Node);
        builder.Property(x => x.Node).HasMaxLength(8);
    }
}
