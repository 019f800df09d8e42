using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Domain.Cases;

namespace MlaRequests.Node.Persistence;

/// <summary>Table of the conditions of a case: proposed in a consultation, or those of an acceptance under conditions (no consultation).</summary>
public sealed class CaseConditionMap : IEntityTypeConfiguration<CaseCondition>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<CaseCondition> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("CaseConditions");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(x => x.BranchId);
    }
}
