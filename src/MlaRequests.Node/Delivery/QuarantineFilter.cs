using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlaRequests.Engine.Persistence;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// What the inbound queue cannot even read (not JSON, not an envelope, an unknown message type, bytes that are not text)
/// or keeps failing to process is quarantined here instead of MassTransit's error and skipped queues: kept with the
/// reason for administrators, acknowledged, never applied, never looping. Whatever the body, keeping it cannot fail
/// (<see cref="QuarantinedBody.Keep(ReadOnlySpan{byte}, int)"/>). On the dead-letter queue, the last stop
/// (<paramref name="finalStop"/>), even a failure to store (the database down) does not send the message round again:
/// it is dropped with a log line. Failures are logged once per interval, not per delivery.
/// </summary>
public sealed class QuarantineFilter(IServiceProvider services, string unconsumedReason, bool finalStop) : IFilter<ExceptionReceiveContext>, IFilter<ReceiveContext>
{
    /// <inheritdoc />
    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next) =>
        StoreAsync(context, $"unreadable or failing: {context.Exception.GetBaseException().Message}");

    /// <inheritdoc />
    public Task Send(ReceiveContext context, IPipe<ReceiveContext> next) => StoreAsync(context, unconsumedReason);

    /// <inheritdoc />
    public void Probe(ProbeContext context) => context.CreateFilterScope("quarantine");

    async Task StoreAsync(ReceiveContext context, string reason)
    {
        var throttle = services.GetRequiredService<LogThrottle>();
        var logger = services.GetRequiredService<ILogger<QuarantineFilter>>();
        reason = reason.Length > 1000 ? reason[..1000] : reason;
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
            var gate = scope.ServiceProvider.GetRequiredService<EngineDatabase>().Gate;
            var limit = scope.ServiceProvider.GetRequiredService<IOptions<QuarantineOptions>>().Value.StoredBodyLimit;
            var messageId = TryGetMessageId(context);
            var (body, bytes, sha256) = QuarantinedBody.Keep(context.Body.GetBytes(), limit);
            using (await gate.EnterAsync(CancellationToken.None))
            {
                // A redelivered copy of a message already in quarantine is not kept twice.
                if (messageId is not null && await db.QuarantinedMessages.AnyAsync(q => q.MessageId == messageId))
                    return;
                db.QuarantinedMessages.Add(new QuarantinedMessage
                {
                    ReceivedAt = scope.ServiceProvider.GetRequiredService<IClock>().GetCurrentInstant(),
                    Reason = reason, MessageId = messageId, Body = body, BodyBytes = bytes, BodySha256 = sha256,
                });
                await db.SaveChangesAsync(CancellationToken.None);
            }
            if (throttle.ShouldLog(reason, out var suppressed))
                logger.LogWarning("Quarantined a message on {Queue}: {Reason} ({Suppressed} more like it not logged)", context.InputAddress, reason, suppressed);
        }
        catch (Exception exception) when (finalStop)
        {
            if (throttle.ShouldLog($"dropped: {exception.GetType().Name}", out var suppressed))
                logger.LogError(exception, "Dropped a dead-lettered message that could not be quarantined: {Reason} ({Suppressed} more dropped, not logged)",
                    reason, suppressed);
        }
    }

    /// <summary>The transport's MessageId, or null when it is missing or not a GUID.</summary>
    static Guid? TryGetMessageId(ReceiveContext context)
    {
        try
        {
            return context.GetMessageId();
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
