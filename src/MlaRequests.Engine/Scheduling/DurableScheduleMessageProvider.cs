using MassTransit;
using MassTransit.Scheduling;
using MlaRequests.Engine.Outbox;
using NodaTime;

namespace MlaRequests.Engine.Scheduling;

/// <summary>
/// MassTransit's <see cref="IScheduleMessageProvider"/> for this node: a scheduled message is an
/// outbox row with a due instant, written in the transaction of the consume that scheduled it, and
/// cancelling deletes that row in the same way. State machines' <c>Schedule()</c> and
/// <c>Unschedule()</c> work unchanged; a firing that arrives after its token was replaced is
/// dropped by MassTransit's token check. Outside a durable unit of work scheduling fails loudly
/// rather than leaving a workflow with a token and no timer.
/// </summary>
public sealed class DurableScheduleMessageProvider(ConsumeContext context) : IScheduleMessageProvider
{
    /// <inheritdoc />
    public async Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message,
        IPipe<SendContext<T>> pipe, CancellationToken cancellationToken)
        where T : class
    {
        UnitOfWork();
        var tokenId = ScheduleTokenIdCache<T>.GetTokenId(message);
        var dueAt = Instant.FromDateTimeUtc(DateTime.SpecifyKind(scheduledTime.ToUniversalTime(), DateTimeKind.Utc));
        var endpoint = await context.GetSendEndpoint(destinationAddress).ConfigureAwait(false);
        await endpoint.Send(message, new SchedulePipe<T>(pipe, new ScheduledDelivery(dueAt, tokenId)), cancellationToken).ConfigureAwait(false);
        return new ScheduledMessageHandle<T>(tokenId, scheduledTime, destinationAddress, message);
    }

    /// <inheritdoc />
    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) =>
        UnitOfWork().CancelScheduledAsync(tokenId, cancellationToken);

    /// <inheritdoc />
    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) =>
        UnitOfWork().CancelScheduledAsync(tokenId, cancellationToken);

    IDurableUnitOfWork UnitOfWork() =>
        context as IDurableUnitOfWork
        ?? throw new InvalidOperationException(
            "Messages can only be scheduled inside a durable unit of work: configure the endpoint with UseDurableOutbox.");

    sealed class SchedulePipe<T>(IPipe<SendContext<T>> next, ScheduledDelivery delivery) : IPipe<SendContext<T>>
        where T : class
    {
        public async Task Send(SendContext<T> context)
        {
            await next.Send(context).ConfigureAwait(false);
            context.ScheduledMessageId = delivery.TokenId;
            context.Headers.Set(MessageHeaders.SchedulingTokenId, delivery.TokenId.ToString("D"));
            context.AddOrUpdatePayload(() => delivery, _ => delivery);
        }

        public void Probe(ProbeContext context) => next.Probe(context);
    }
}
