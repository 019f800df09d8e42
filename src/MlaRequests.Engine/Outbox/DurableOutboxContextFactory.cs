using MassTransit;
using MassTransit.Middleware;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Engine.Inbox;
using MlaRequests.Engine.Persistence;
using NodaTime;

namespace MlaRequests.Engine.Outbox;

/// <summary>
/// The durable unit of work around every consumed message (MassTransit's <see cref="IOutboxContextFactory{TContext}"/>
/// extension point): join the database's group transaction under the write gate (a savepoint of its
/// own), drop the message if the inbox has it, let the consumer or workflow run against the same scoped
/// <see cref="DbContext"/>, then keep state, inbox row and outbox rows together. The group commits them
/// with the units queued behind; the broker ack follows that commit.
/// </summary>
public sealed class DurableOutboxContextFactory(
    DbContext db, EngineDatabase database, IClock clock, IServiceProvider provider, OutboxSignal signal)
    : IOutboxContextFactory<DbContext>
{
    /// <inheritdoc />
    public async Task Send<T>(ConsumeContext<T> context, OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next)
        where T : class
    {
        var messageId = context.MessageId ?? throw new MessageException(typeof(T), "A MessageId is required to consume durably.");
        var cancellationToken = context.CancellationToken;

        var consumed = false;
        await database.Gate.RunInGroupAsync(db, async () =>
        {
            var alreadyConsumed = await AlreadyConsumed(db, messageId, options.ConsumerId, cancellationToken).ConfigureAwait(false);

            var unitOfWork = new DurableOutboxConsumeContext<T>(context, options, provider, db, clock, alreadyConsumed);
            await next.Send(unitOfWork).ConfigureAwait(false);
            if (!unitOfWork.Consumed)
                return false;

            // The one save of the unit: state, inbox row and outbox rows (the saga repository and the inbox only track them).
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return consumed = true;
        }).ConfigureAwait(false);

        if (!consumed)
            return;
        signal.Committed(db);
    }

    static readonly Func<DbContext, Guid, Guid, CancellationToken, Task<bool>> AlreadyConsumed =
        EF.CompileAsyncQuery((DbContext db, Guid messageId, Guid consumerId, CancellationToken _) =>
            db.Set<InboxMessage>().Any(x => x.MessageId == messageId && x.ConsumerId == consumerId));

    /// <inheritdoc />
    public void Probe(ProbeContext context) => context.CreateFilterScope("durableSqliteOutbox");
}
