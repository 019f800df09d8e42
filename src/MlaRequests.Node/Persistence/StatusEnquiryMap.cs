using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Domain.Cases;

namespace MlaRequests.Node.Persistence;

/// <summary>Table of status enquiries, on the requesting node under the branch and on the requested node under the case.</summary>
public sealed class StatusEnquiryMap : IEntityTypeConfiguration<StatusEnquiry>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StatusEnquiry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("StatusEnquiries");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(x => x.BranchId);
        builder.Ignore(x => x.IsAnswered);
    }
}
