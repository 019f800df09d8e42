using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Domain.Requests;

namespace MlaRequests.Node.Persistence;

/// <summary>Table of the versions of JIT agreements per branch (on the requested node per case): the agreement first signed and each amendment.</summary>
public sealed class JitAgreementVersionMap : IEntityTypeConfiguration<JitAgreementVersion>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<JitAgreementVersion> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("JitAgreementVersions");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.State).HasMaxLength(32);
        builder.HasIndex(x => x.BranchId);
    }
}
