using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Engine.Persistence;
using MlaRequests.Node.Persistence;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// What the inbound queue cannot even read (not JSON, not an envelope, an unknown message type) or
/// keeps failing to process is quarantined here instead of MassTransit's error and skipped queues:
/// kept with the reason for administrators, acknowledged, never applied, never looping.
/// </summary>
public sealed class QuarantineFilter(IServiceProvider services, string unconsumedReason) : IFilter<ExceptionReceiveContext>, IFilter<ReceiveContext>
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
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDbContext>();
        var gate = scope.ServiceProvider.GetRequiredService<EngineDatabase>().Gate;
        var body = context.Body.GetString();
        var messageId = context.GetMessageId();
        using (await gate.EnterAsync(CancellationToken.None))
        {
            // A redelivered copy of a message already in quarantine is not kept twice.
            if (messageId is not null && await db.QuarantinedMessages.AnyAsync(q => q.MessageId == messageId))
                return;
            db.QuarantinedMessages.Add(new QuarantinedMessage
            {
                ReceivedAt = scope.ServiceProvider.GetRequiredService<IClock>().GetCurrentInstant(),
                Reason = reason.Length > 1000 ? reason[..1000] : reason,
                MessageId = messageId,
                Body = body.Length > 100_000 ? body[..100_000] : body,
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
