using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Domain.Cases;

namespace MlaRequests.Node.Persistence;

/// <summary>Table of consultations before refusal or postponement, on the requesting node under the branch and on the requested node under the case.</summary>
public sealed class ConsultationMap : IEntityTypeConfiguration<Consultation>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Consultations");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(x => x.BranchId);
        builder.Ignore(x => x.IsAnswered);
    }
}
