using MassTransit;
using Microsoft.EntityFrameworkCore;
using MlaRequests.Engine.Outbox;
using NodaTime;

namespace MlaRequests.Node.Delivery;

/// <summary>
/// Workflows send contracts to <c>&lt;code&gt;-inbound</c>; this takes those sends out of the plain
/// outbox and into the delivery table (signed envelopes, receipts, resends), in the same transaction.
/// </summary>
public sealed class CrossBorderCapture : IOutboxSendInterceptor
{
    /// <inheritdoc />
    public bool TryCapture<T>(SendContext<T> context, DbContext db, Instant now)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!CrossBorderContracts.IsContract(typeof(T)) || !CrossBorderContracts.TryGetRecipient(context.DestinationAddress, out var node))
            return false;
        CrossBorderQueue.Message(db, node, context.Message, now);
        return true;
    }
}
