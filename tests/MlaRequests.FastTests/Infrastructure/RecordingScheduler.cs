using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;
using NodaTime;

namespace MlaRequests.FastTests.Infrastructure;

/// <summary>
/// The message scheduler of the fast tier: <c>Schedule()</c> and <c>Unschedule()</c> in a state machine are recorded
/// here instead of waiting in the node's outbox, so a test asserts the exact instant a checkpoint is due and fires it
/// itself by publishing the message (nothing is delivered by wall-clock time).
/// </summary>
public sealed class RecordingScheduler
{
    readonly ConcurrentDictionary<Guid, Scheduled> _pending = new();

    /// <summary>The messages scheduled and not cancelled.</summary>
    public IReadOnlyCollection<Scheduled> Pending => [.. _pending.Values];

    /// <summary>The pending message of type <typeparamref name="T"/> that matches <paramref name="match"/>, if any.</summary>
    public Scheduled? Find<T>(Func<T, bool> match) =>
        _pending.Values.SingleOrDefault(s => s.Message is T message && match(message));

    /// <summary>Removes and returns the pending message of type <typeparamref name="T"/> that matches <paramref name="match"/>, if any.</summary>
    public Scheduled? Take<T>(Func<T, bool> match)
    {
        var scheduled = Find(match);
        return scheduled is not null && _pending.TryRemove(scheduled.TokenId, out _) ? scheduled : null;
    }

    internal IFilter<ConsumeContext> Filter() => new SchedulerFilter(this);

    /// <summary>A message waiting for its instant.</summary>
    /// <param name="TokenId">MassTransit's scheduling token.</param>
    /// <param name="At">When it is due.</param>
    /// <param name="Message">The message.</param>
    public sealed record Scheduled(Guid TokenId, Instant At, object Message);

    sealed class SchedulerFilter(RecordingScheduler scheduler) : IFilter<ConsumeContext>
    {
        public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
        {
            context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(context,
                c => new MessageScheduler(new Provider(scheduler), c.GetPayload<IBusTopology>())));
            return next.Send(context);
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("recordingScheduler");
    }

    sealed class Provider(RecordingScheduler scheduler) : IScheduleMessageProvider
    {
        public Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message, IPipe<SendContext<T>> pipe,
            CancellationToken cancellationToken)
            where T : class
        {
            var tokenId = ScheduleTokenIdCache<T>.GetTokenId(message);
            var at = Instant.FromDateTimeUtc(DateTime.SpecifyKind(scheduledTime.ToUniversalTime(), DateTimeKind.Utc));
            scheduler._pending[tokenId] = new Scheduled(tokenId, at, message);
            return Task.FromResult<ScheduledMessage<T>>(new ScheduledMessageHandle<T>(tokenId, scheduledTime, destinationAddress, message));
        }

        public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken)
        {
            scheduler._pending.TryRemove(tokenId, out _);
            return Task.CompletedTask;
        }

        public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) =>
            CancelScheduledSend(tokenId, cancellationToken);
    }
}
