using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Engine.Persistence;
using NodaTime;

namespace MlaRequests.Engine.Outbox;

/// <summary>
/// A write transaction for code outside a consumer (API commands): changes and the messages they
/// publish commit together, under the database's write gate; the dispatcher delivers the messages
/// after commit. Nothing a user entered is lost between "saved" and "sent".
/// </summary>
public sealed class DurableWriter(DbContext db, EngineDatabase database, OutboxSignal signal, IClock clock)
{
    /// <summary>Runs <paramref name="work"/> in a transaction, saves its changes and commits.</summary>
    public async Task<T> RunAsync<T>(Func<DbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result;
        using (await database.Gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            result = await work(db).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        signal.Committed(db);
        return result;
    }

    /// <summary>Adds <paramref name="message"/> to the outbox, to be published after commit (as its runtime type).</summary>
    public Guid Publish<T>(T message)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var messageId = NewId.NextGuid();
        db.Add(new OutboxMessage
        {
            MessageId = messageId,
            MessageType = MessageJson.TypeName(message.GetType()),
            Body = System.Text.Json.JsonSerializer.Serialize(message, message.GetType(), MessageJson.Options),
            CreatedAt = clock.GetCurrentInstant(),
            // The caller's trace (an API request) continues in the workflow that consumes the message.
            Headers = System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C, Id: { } traceParent }
                ? MessageJson.SerializeHeaders([new("traceparent", traceParent)])
                : null,
        });
        return messageId;
    }
}
