using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Domain.Measures;

namespace MlaRequests.Node.Persistence;

/// <summary>Table of per-measure results: one row per case (or branch) and measure, made when the first result is recorded.</summary>
public sealed class MeasureResultMap : IEntityTypeConfiguration<MeasureResult>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<MeasureResult> builder)
    {
        builder.ToTable("MeasureResults");
        builder.HasKey(x => new { x.CaseId, x.Measure });
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(x => x.RefusalProposed);
        builder.Property(x => x.RecordedBy).HasMaxLength(600);
        builder.Property(x => x.ProposedBy).HasMaxLength(600);
        builder.Ignore(x => x.ProvisionalDecided);
        builder.Property(x => x.ProvisionalOutcome).HasMaxLength(16);
        builder.Property(x => x.ProvisionalRecordedBy).HasMaxLength(600);
    }
}
