using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>Adds messages for other nodes to the delivery table, in the caller's transaction.</summary>
public static class CrossBorderQueue
{
    /// <summary>Queues <paramref name="contract"/> for <paramref name="toNode"/>.</summary>
    public static CrossBorderMessage Message(DbContext db, string toNode, object contract, Instant now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        return Add(db, DeliveryStates.MessageKind, toNode, contract.GetType().Name, CrossBorderContracts.VersionOf(contract.GetType()),
            CrossBorderContracts.CorrelationOf(contract), CrossBorderContracts.Serialize(contract), now);
    }

    /// <summary>
    /// Queues a receipt for <paramref name="messageId"/> to its sender; with <paramref name="notApplied"/>, the reason this
    /// node kept the message without applying it (a contract or version it does not speak yet).
    /// </summary>
    public static CrossBorderMessage Receipt(DbContext db, string toNode, Guid messageId, Instant receivedAt, string? notApplied = null) =>
        Add(db, DeliveryStates.ReceiptKind, toNode, nameof(DeliveryReceipt), 1, messageId,
            CrossBorderContracts.Serialize(new DeliveryReceipt(messageId, receivedAt, notApplied)), receivedAt);

    static CrossBorderMessage Add(DbContext db, string kind, string toNode, string contractType, int version, Guid correlationId, string payload, Instant now)
    {
        var message = new CrossBorderMessage
        {
            MessageId = NewId.NextGuid(), Kind = kind, ToNode = toNode, ContractType = contractType, ContractVersion = version,
            CorrelationId = correlationId, Payload = payload, CreatedAt = now, State = DeliveryStates.Queued, NextAttemptAt = now,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent } ? traceParent : null,
        };
        db.Add(message);
        return message;
    }
}
