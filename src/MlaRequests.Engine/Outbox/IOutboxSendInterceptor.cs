using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MlaRequests.Engine.Outbox;

/// <summary>
/// Lets the host take over some of the sends a workflow makes, inside the same transaction: the
/// node's cross-border delivery stores messages for other countries in its own table (with
/// receipts, resends and signatures) instead of the plain outbox.
/// </summary>
public interface IOutboxSendInterceptor
{
    /// <summary>Stores <paramref name="context"/>'s message itself and returns true, or returns false to leave it to the outbox.</summary>
    bool TryCapture<T>(SendContext<T> context, DbContext db, Instant now)
        where T : class;
}
