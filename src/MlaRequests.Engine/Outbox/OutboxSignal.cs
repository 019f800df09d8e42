using Microsoft.EntityFrameworkCore;

namespace MlaRequests.Engine.Outbox;

/// <summary>Wakes the <see cref="OutboxDispatcher"/> as soon as a transaction with outbox rows commits.</summary>
public sealed class OutboxSignal : WakeSignal
{
    /// <summary>
    /// Raised after a unit of work commits, with the <see cref="DbContext"/> that wrote it (its change tracker
    /// still holds what was saved), so another delivery service can wake only for commits that concern it.
    /// </summary>
    public event Action<DbContext>? UnitCommitted;

    /// <summary>Reports that <paramref name="db"/>'s unit of work committed, then wakes the dispatcher.</summary>
    public void Committed(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        UnitCommitted?.Invoke(db);
        Notify();
    }
}
