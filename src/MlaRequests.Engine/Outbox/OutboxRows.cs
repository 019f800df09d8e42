using System.Text.Json;
using MassTransit;
using NodaTime;

namespace MlaRequests.Engine.Outbox;

/// <summary>Turns a send context into an <see cref="OutboxMessage"/> row.</summary>
public static class OutboxRows
{
    /// <summary>Creates the row for a message captured from a send context (publishes arrive here with their exchange address).</summary>
    public static OutboxMessage From<T>(SendContext<T> context, Instant now)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId ?? throw new InvalidOperationException("An outbox message needs a MessageId.");
        context.TryGetPayload(out ScheduledDelivery? schedule);
        return new OutboxMessage
        {
            MessageId = messageId,
            MessageType = MessageJson.TypeName(typeof(T)),
            Body = JsonSerializer.Serialize(context.Message, MessageJson.Options),
            DestinationAddress = context.DestinationAddress?.ToString(),
            Headers = MessageJson.SerializeHeaders(context.Headers.GetAll()),
            CorrelationId = context.CorrelationId,
            ConversationId = context.ConversationId,
            InitiatorId = context.InitiatorId,
            CreatedAt = now,
            NotBefore = schedule?.DueAt,
            ScheduleTokenId = schedule?.TokenId,
        };
    }
}
