using NodaTime;

namespace MlaRequests.Engine.Outbox;

/// <summary>
/// The transaction a message is being consumed in. The durable scheduler finds it on the consume
/// context to write and cancel scheduled messages in that same transaction.
/// </summary>
public interface IDurableUnitOfWork
{
    /// <summary>The clock the unit of work stamps rows with.</summary>
    IClock Clock { get; }

    /// <summary>Removes every not-yet-delivered scheduled message holding <paramref name="tokenId"/>.</summary>
    Task CancelScheduledAsync(Guid tokenId, CancellationToken cancellationToken);
}
