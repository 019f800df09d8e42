using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlaRequests.Domain.Cases;
using MlaRequests.Domain.Requests;
using MlaRequests.Domain.Timeline;

namespace MlaRequests.Node.Persistence;

/// <summary>Table of outgoing requests: header columns plus the content as one JSON document.</summary>
public sealed class MlaRequestMap : IEntityTypeConfiguration<MlaRequest>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<MlaRequest> builder)
    {
        builder.ToTable("Requests");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Reference).HasMaxLength(32);
        builder.Property(x => x.RequestingNode).HasMaxLength(2);
        builder.Property(x => x.OfficeCode).HasMaxLength(16);
        builder.Property(x => x.Content).HasContentJson();
        builder.HasIndex(x => x.Reference).IsUnique();
        // Newest first, with the search text beside the date: a list or a search reads these indexes, not the rows with their content.
        builder.HasIndex(x => new { x.OfficeCode, x.CreatedAt, x.SearchText });
        builder.HasIndex(x => new { x.CreatedAt, x.SearchText });
    }
}

/// <summary>Table of incoming cases.</summary>
public sealed class IncomingCaseMap : IEntityTypeConfiguration<IncomingCase>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<IncomingCase> builder)
    {
        builder.ToTable("IncomingCases");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Reference).HasMaxLength(32);
        builder.Property(x => x.RequestingNode).HasMaxLength(2);
        builder.Property(x => x.Content).HasContentJson();
        builder.HasIndex(x => x.Reference).IsUnique();
        builder.HasIndex(x => x.ReceivedAt);
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

/// <summary>Table of timeline entries.</summary>
public sealed class TimelineEntryMap : IEntityTypeConfiguration<TimelineEntry>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("Timeline");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.HasIndex(x => new { x.SubjectId, x.Id });
    }
}

/// <summary>Table of shared milestones.</summary>
public sealed class MilestoneMap : IEntityTypeConfiguration<Milestone>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ToTable("Milestones");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(x => x.BranchId);
        builder.Property(x => x.Shared).HasDefaultValue(false);
        builder.Property(x => x.Participants).HasDefaultValue(string.Empty);
        builder.Property(x => x.Status).HasDefaultValue(nameof(MilestoneStatus.Scheduled));
        builder.HasIndex(x => x.RequestId);
    }
}

/// <summary>Table of the participating countries' confirmations of shared milestones.</summary>
public sealed class MilestoneConfirmationMap : IEntityTypeConfiguration<MilestoneConfirmation>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<MilestoneConfirmation> builder)
    {
        builder.ToTable("MilestoneConfirmations");
        builder.HasKey(x => new { x.MilestoneId, x.Country });
    }
}

/// <summary>Tables of idempotency records and reference counters.</summary>
public sealed class CommandBookkeepingMap : IEntityTypeConfiguration<IdempotencyRecord>, IEntityTypeConfiguration<ReferenceCounter>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(x => new { x.UserName, x.Key });
        builder.HasIndex(x => x.CreatedAt);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ReferenceCounter> builder)
    {
        builder.ToTable("ReferenceCounters");
        builder.HasKey(x => new { x.Prefix, x.Year });
    }
}

/// <summary>Stores <see cref="RequestContent"/> as a JSON document column.</summary>
static class ContentJsonMapping
{
    public static PropertyBuilder<RequestContent> HasContentJson(this PropertyBuilder<RequestContent> property) =>
        property.HasConversion(
            content => RequestContentJson.Serialize(content),
            json => RequestContentJson.Deserialize(json),
            new ValueComparer<RequestContent>(
                (a, b) => RequestContentJson.Serialize(a!) == RequestContentJson.Serialize(b!),
                content => RequestContentJson.Serialize(content).GetHashCode(StringComparison.Ordinal),
                content => RequestContentJson.Deserialize(RequestContentJson.Serialize(content))));
}
