using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Domain.Requests;

namespace MlaRequests.Node.Persistence;

/// <summary>Table of the parties' signatures of multilateral JIT agreements, per branch (requesting node) or case (requested node).</summary>
public sealed class JitPartySignatureMap : IEntityTypeConfiguration<JitPartySignature>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<JitPartySignature> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("JitSignatures");
        builder.HasKey(x => new { x.BranchId, x.Party });
        builder.Property(x => x.Party).HasMaxLength(8);
        builder.Property(x => x.Actor).HasMaxLength(200);
        builder.Property(x => x.RelayedBy).HasMaxLength(8);
        builder.Property(x => x.LeftAs).HasMaxLength(64);
    }
}
