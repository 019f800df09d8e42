using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Engine.Inbox;
using NodaTime;

namespace MlaRequests.Engine.Outbox;

/// <summary>
/// The consume context a workflow sees inside a durable unit of work: every send, publish and
/// schedule becomes an outbox row in the open transaction, and marking the message consumed adds
/// its inbox row. Delivery is not done here but by <see cref="OutboxDispatcher"/> after commit.
/// </summary>
sealed class DurableOutboxConsumeContext<TMessage> : OutboxConsumeContextProxy<TMessage>, IDurableUnitOfWork
    where TMessage : class
{
    readonly DbContext _db;
    readonly bool _alreadyConsumed;
    readonly IOutboxSendInterceptor? _interceptor;

    public DurableOutboxConsumeContext(ConsumeContext<TMessage> context, OutboxConsumeOptions options, IServiceProvider provider,
        DbContext db, IClock clock, bool alreadyConsumed)
        : base(context, options, provider)
    {
        _db = db;
        _interceptor = (IOutboxSendInterceptor?)provider.GetService(typeof(IOutboxSendInterceptor));
        Clock = clock;
        _alreadyConsumed = alreadyConsumed;
    }

    public IClock Clock { get; }

    /// <summary>True once this unit of work recorded the message as consumed (its changes must be committed).</summary>
    public bool Consumed { get; private set; }

    public override bool ContinueProcessing { get; set; } = true;
    public override bool IsMessageConsumed => _alreadyConsumed;
    public override bool IsOutboxDelivered => true;
    public override int ReceiveCount => 1;
    public override long? LastSequenceNumber => null;

    /// <summary>Adds the inbox row; the unit of work saves it with the state and the outbox rows in one <c>SaveChanges</c>.</summary>
    public override Task SetConsumed()
    {
        _db.Add(new InboxMessage { MessageId = MessageId!.Value, ConsumerId = Options.ConsumerId, ConsumedAt = Clock.GetCurrentInstant() });
        Consumed = true;
        return Task.CompletedTask;
    }

    public override Task SetDelivered() => Task.CompletedTask;
    public override Task<List<OutboxMessageContext>> LoadOutboxMessages() => Task.FromResult(new List<OutboxMessageContext>());
    public override Task NotifyOutboxMessageDelivered(OutboxMessageContext message) => Task.CompletedTask;
    public override Task RemoveOutboxMessages() => Task.CompletedTask;

    public override Task AddSend<T>(SendContext<T> context)
    {
        var now = Clock.GetCurrentInstant();
        if (_interceptor?.TryCapture(context, _db, now) != true)
            _db.Add(OutboxRows.From(context, now));
        return Task.CompletedTask;
    }

    public async Task CancelScheduledAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        foreach (var pending in _db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.Entity.ScheduleTokenId == tokenId).ToList())
            pending.State = pending.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
        await _db.Set<OutboxMessage>().Where(x => x.ScheduleTokenId == tokenId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
