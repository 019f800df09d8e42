using Microsoft.EntityFrameworkCore;
using MlaRequests.Engine.Inbox;
using MlaRequests.Engine.Outbox;

namespace MlaRequests.Engine.Persistence;

/// <summary>The engine's tables: inbox and outbox (scheduled messages are outbox rows with a due instant).</summary>
public static class EngineModel
{
    /// <summary>Adds the engine's tables to the application's model.</summary>
    public static ModelBuilder ApplyEngineModel(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("InboxMessages");
            inbox.HasKey(x => new { x.MessageId, x.ConsumerId });
            inbox.HasIndex(x => x.ConsumedAt);
        });

        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("OutboxMessages");
            outbox.HasKey(x => x.SequenceNumber);
            outbox.Property(x => x.SequenceNumber).ValueGeneratedOnAdd();
            outbox.HasIndex(x => x.MessageId).IsUnique();
            outbox.HasIndex(x => x.ScheduleTokenId);
            outbox.HasIndex(x => x.NotBefore);
        });
        return modelBuilder;
    }
}
