using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Engine.Outbox;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Tests.Infrastructure;

/// <summary>
/// What a node's bus is doing, from MassTransit's own observers: messages handed to the transport (sent or published)
/// whose first receive has not begun, receives in progress, and counters of both. A message nobody receives (published
/// with no subscriber, such as a clock reminder here) stops counting as in flight after <see cref="TestTimeouts.Unrouted"/>,
/// and a receive still going after <see cref="TestTimeouts.Held"/> is taken for one the endpoint's retry holds (an event
/// ahead of its state, retried for up to a minute), not for work in progress. MassTransit reports a retried consume's
/// faults only once the retries are exhausted, so there is no signal for that.
/// <see cref="Snapshot"/> is what a drain compares.
/// </summary>
public sealed class BusActivity : IReceiveObserver, ISendObserver, IPublishObserver
{
    readonly ConcurrentDictionary<ReceiveContext, DateTime> _receiving = new(ReferenceEqualityComparer.Instance);
    readonly ConcurrentDictionary<Guid, DateTime> _unreceived = new();
    long _handed;
    long _received;

    /// <summary>Observes <paramref name="bus"/> from now on.</summary>
    public static BusActivity On(IBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var activity = new BusActivity();
        bus.ConnectReceiveObserver(activity);
        bus.ConnectSendObserver(activity);
        bus.ConnectPublishObserver(activity);
        return activity;
    }

    /// <summary>
    /// At this moment: messages handed to the transport, receives started, receives in progress (not held by a retry),
    /// messages handed and not yet received.
    /// </summary>
    public (long Handed, long Received, int Receiving, int InFlight) Snapshot()
    {
        var unrouted = DateTime.UtcNow - TestTimeouts.Unrouted;
        foreach (var (id, handedAt) in _unreceived)
        {
            if (handedAt < unrouted)
                _unreceived.TryRemove(id, out _);
        }
        var held = DateTime.UtcNow - TestTimeouts.Held;
        return (Interlocked.Read(ref _handed), Interlocked.Read(ref _received), _receiving.Count(r => r.Value > held), _unreceived.Count);
    }

    /// <summary>
    /// Waits until the node has drained: no outbox row and no cross-border message due at <paramref name="now"/> (counted by
    /// <paramref name="due"/>, e.g. <see cref="DueAsync"/> on the node's database), nothing on its bus handed and not yet
    /// received, no receive in progress, and nothing handed or received while the database was read.
    /// </summary>
    public async Task DrainedAsync(Func<Instant, Task<int>> due, Instant now)
    {
        ArgumentNullException.ThrowIfNull(due);
        var deadline = DateTime.UtcNow + TestTimeouts.Workflow;
        while (true)
        {
            var before = Snapshot();
            var waiting = await due(now);
            var after = Snapshot();
            if (waiting == 0 && before.Receiving == 0 && before.InFlight == 0 && before == after)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The node did not drain in {TestTimeouts.Workflow}: {waiting} outbox rows or cross-border messages due, bus {after} (handed, received, receiving, in flight).");
            await Task.Delay(TestTimeouts.Poll);
        }
    }

    /// <summary>Outbox rows and cross-border messages due at <paramref name="now"/> in a node's database.</summary>
    public static async Task<int> DueAsync(NodeDbContext db, Instant now)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<OutboxMessage>().CountAsync(x => x.NotBefore == null || x.NotBefore <= now)
            + await db.CrossBorderMessages.CountAsync(x => x.NextAttemptAt != null && x.NextAttemptAt <= now);
    }

    Task IReceiveObserver.PreReceive(ReceiveContext context)
    {
        Interlocked.Increment(ref _received);
        _receiving.TryAdd(context, DateTime.UtcNow);
        if (context.GetMessageId() is { } id)
            _unreceived.TryRemove(id, out _);
        return Task.CompletedTask;
    }

    Task IReceiveObserver.PostReceive(ReceiveContext context) => Done(context);

    Task IReceiveObserver.ReceiveFault(ReceiveContext context, Exception exception) => Done(context);

    Task IReceiveObserver.PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) => Received(context);

    Task IReceiveObserver.ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) => Received(context);

    Task ISendObserver.PreSend<T>(SendContext<T> context) => Task.CompletedTask;

    Task ISendObserver.PostSend<T>(SendContext<T> context) => Handed(context);

    Task ISendObserver.SendFault<T>(SendContext<T> context, Exception exception) => Task.CompletedTask;

    Task IPublishObserver.PrePublish<T>(PublishContext<T> context) => Task.CompletedTask;

    Task IPublishObserver.PostPublish<T>(PublishContext<T> context) => Handed(context);

    Task IPublishObserver.PublishFault<T>(PublishContext<T> context, Exception exception) => Task.CompletedTask;

    Task Done(ReceiveContext context)
    {
        _receiving.TryRemove(context, out _);
        return Task.CompletedTask;
    }

    Task Handed(SendContext context)
    {
        Interlocked.Increment(ref _handed);
        if (context.MessageId is { } id)
            _unreceived.TryAdd(id, DateTime.UtcNow);
        return Task.CompletedTask;
    }

    Task Received(ConsumeContext context)
    {
        if (context.MessageId is { } id)
            _unreceived.TryRemove(id, out _);
        return Task.CompletedTask;
    }
}
